// Runs a parsed template (parse.ts) over data, with missingkey=error as NFD sets it: a field of a
// map that has no such key is an error, not "<no value>".
import type { Arg, Command, ControlNode, Node, Pipe } from './parse.js';
import { FUNCTIONS, type Builtin } from './funcs.js';
import { isMap, printValue, TemplateError, truth, typeName, sortedKeys } from './value.js';

/** Output larger than this aborts the run: a template's output is a few key=value lines. */
const MAX_OUTPUT = 1024 * 1024;

class Scope {
  private readonly vars: Array<[string, unknown]> = [];
  push(name: string, v: unknown): void {
    this.vars.push([name, v]);
  }
  mark(): number {
    return this.vars.length;
  }
  pop(mark: number): void {
    this.vars.length = mark;
  }
  get(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i]![0] === name) return this.vars[i]![1];
    throw new TemplateError(`undefined variable: ${name}`);
  }
  set(name: string, v: unknown): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i]![0] === name) {
        this.vars[i]![1] = v;
        return;
      }
    }
    throw new TemplateError(`undefined variable: ${name}`);
  }
}

class Break {}
class Continue {}

const NO_FINAL = Symbol('no final');

export class Execution {
  private out = '';
  private readonly scope = new Scope();

  constructor(data: unknown) {
    this.scope.push('$', data);
  }

  run(nodes: readonly Node[], dot: unknown): string {
    this.list(nodes, dot);
    return this.out;
  }

  private write(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) throw new TemplateError(`output larger than ${MAX_OUTPUT} characters`);
  }

  private list(nodes: readonly Node[], dot: unknown): void {
    for (const n of nodes) this.node(n, dot);
  }

  private node(n: Node, dot: unknown): void {
    switch (n.kind) {
      case 'text':
        this.write(n.text);
        return;
      case 'action': {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.write(printValue(v));
        return;
      }
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'if':
      case 'with': {
        const mark = this.scope.mark();
        const v = this.pipe(n.pipe, dot);
        if (truth(v)) this.list(n.list, n.kind === 'with' ? v : dot);
        else this.list(n.elseList, dot);
        this.scope.pop(mark);
        return;
      }
      case 'range':
        this.range(n, dot);
        return;
    }
  }

  private range(n: ControlNode, dot: unknown): void {
    const mark = this.scope.mark();
    const v = this.pipeValue(n.pipe, dot);
    let items: Array<[unknown, unknown]>;
    if (Array.isArray(v)) items = v.map((x, i) => [i, x]);
    else if (isMap(v)) items = sortedKeys(v).map((k) => [k, v[k]]);
    else if (typeof v === 'number' && Number.isInteger(v))
      items = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v === null || v === undefined) items = [];
    else throw new TemplateError(`range can't iterate over ${printValue(v)}`);
    if (items.length === 0) {
      this.list(n.elseList, dot);
      this.scope.pop(mark);
      return;
    }
    for (const [k, x] of items) {
      const inner = this.scope.mark();
      if (n.pipe.decl.length === 1) this.scope.push(n.pipe.decl[0]!, x);
      if (n.pipe.decl.length === 2) {
        this.scope.push(n.pipe.decl[0]!, k);
        this.scope.push(n.pipe.decl[1]!, x);
      }
      try {
        this.list(n.list, x);
      } catch (err) {
        if (err instanceof Break) {
          this.scope.pop(inner);
          break;
        }
        if (!(err instanceof Continue)) throw err;
      }
      this.scope.pop(inner);
    }
    this.scope.pop(mark);
  }

  /** A range pipeline: its value, without declaring its variables (range binds them per item). */
  private pipeValue(p: Pipe, dot: unknown): unknown {
    return this.commands(p.cmds, dot);
  }

  private pipe(p: Pipe, dot: unknown): unknown {
    const v = this.commands(p.cmds, dot);
    if (p.decl.length) {
      if (p.assign) this.scope.set(p.decl[0]!, v);
      else this.scope.push(p.decl[0]!, v);
    }
    return v;
  }

  private commands(cmds: readonly Command[], dot: unknown): unknown {
    let final: unknown = NO_FINAL;
    for (const c of cmds) final = this.command(c, dot, final);
    return final;
  }

  private command(c: Command, dot: unknown, final: unknown): unknown {
    const [first, ...rest] = c.args;
    if (first!.kind === 'ident') return this.call(first!.name, rest, dot, final);
    if (rest.length || final !== NO_FINAL) {
      throw new TemplateError(`can't give argument to non-function ${describeArg(first!)}`);
    }
    return this.arg(first!, dot);
  }

  private call(name: string, args: readonly Arg[], dot: unknown, final: unknown): unknown {
    const fn: Builtin | undefined = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
    if (!fn) throw new TemplateError(`function ${JSON.stringify(name)} not defined`);
    const hasFinal = final !== NO_FINAL;
    if (name === 'and' || name === 'or') {
      // Short-circuit, as Go's: the first argument that decides, else the last.
      const thunks = args.map((a) => () => this.arg(a, dot));
      if (hasFinal) thunks.push(() => final);
      if (thunks.length === 0)
        throw new TemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v: unknown;
      for (const t of thunks) {
        v = t();
        if (truth(v) === (name === 'or')) return v;
      }
      return v;
    }
    const values = args.map((a) => this.arg(a, dot));
    if (hasFinal) values.push(final);
    try {
      return fn(...values);
    } catch (err) {
      if (err instanceof TemplateError) throw new TemplateError(`error calling ${name}: ${err.message}`);
      throw err;
    }
  }

  private arg(a: Arg, dot: unknown): unknown {
    switch (a.kind) {
      case 'dot':
        return dot;
      case 'literal':
        return a.value;
      case 'field':
        return fields(dot, a.chain);
      case 'var':
        return fields(this.scope.get(a.name), a.chain);
      case 'ident':
        return this.call(a.name, [], dot, NO_FINAL);
      case 'pipe': {
        const mark = this.scope.mark();
        const v = this.pipe(a.pipe, dot);
        this.scope.pop(mark);
        return fields(v, a.chain);
      }
    }
  }
}

function describeArg(a: Arg): string {
  switch (a.kind) {
    case 'field':
      return `.${a.chain.join('.')}`;
    case 'var':
      return [a.name, ...a.chain].join('.');
    case 'dot':
      return '.';
    default:
      return a.kind;
  }
}

/** A field chain: each name a key of a map (missingkey=error); anything else has no fields. */
function fields(v: unknown, chain: readonly string[]): unknown {
  let cur = v;
  for (const name of chain) {
    if (cur === null || cur === undefined)
      throw new TemplateError(`nil data; no entry for key ${JSON.stringify(name)}`);
    if (!isMap(cur)) throw new TemplateError(`can't evaluate field ${name} in type ${typeName(cur)}`);
    if (!Object.hasOwn(cur, name))
      throw new TemplateError(`map has no entry for key ${JSON.stringify(name)}`);
    cur = cur[name];
  }
  return cur;
}
