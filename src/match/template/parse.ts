// The parser of the Go text/template subset that NFD's varsTemplate needs (see index.ts for why
// it is written here): text, {{ }} actions with the {{- -}} trim markers, comments, pipelines
// (`|`), variables ($x := / $x =, $), field chains (.a.b, $x.a, (pipe).a), literals, and the
// if / else if / range / with / else / end / break / continue control structures. define,
// template and block are refused: NFD's templates have no use for them.
import { FUNCTIONS } from './funcs.js';
import { TemplateError } from './value.js';

export type Arg =
  | { kind: 'dot' }
  | { kind: 'field'; chain: string[] }
  | { kind: 'var'; name: string; chain: string[] }
  | { kind: 'ident'; name: string }
  | { kind: 'literal'; value: unknown }
  | { kind: 'pipe'; pipe: Pipe; chain: string[] };

export interface Command {
  args: Arg[];
}

export interface Pipe {
  decl: string[];
  assign: boolean;
  cmds: Command[];
}

export interface ControlNode {
  kind: 'if' | 'with' | 'range';
  pipe: Pipe;
  list: Node[];
  elseList: Node[];
}

export type Node =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipe }
  | ControlNode
  | { kind: 'break' | 'continue' };

type Token =
  | { t: 'ident' | 'field' | 'var' | 'string' | 'number' | 'char'; v: string }
  | { t: '(' | ')' | '|' | ':=' | '=' | ',' | 'dot' | 'end' };

const SPACE = /[ \t\r\n]/;

function isAlnum(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

/** Splits one action's text (between the delimiters) into tokens. */
function lexAction(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      out.push({ t: c });
      i++;
    } else if (c === ':' && src[i + 1] === '=') {
      out.push({ t: ':=' });
      i += 2;
    } else if (c === '=') {
      out.push({ t: '=' });
      i++;
    } else if (c === '"' || c === '`' || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && c !== '`') j++;
        if (src[j] === '\n' && c !== '`') throw new TemplateError('unterminated quoted string');
        j++;
      }
      if (j >= src.length) throw new TemplateError('unterminated quoted string');
      out.push({ t: c === "'" ? 'char' : 'string', v: src.slice(i, j + 1) });
      i = j + 1;
    } else if (c === '.' && isAlnum(src[i + 1]) && !/[0-9]/.test(src[i + 1]!)) {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: 'field', v: src.slice(i + 1, j) });
      i = j;
    } else if (c === '.' && !/[0-9]/.test(src[i + 1] ?? '')) {
      out.push({ t: 'dot' });
      i++;
    } else if (c === '$') {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: 'var', v: src.slice(i, j) });
      i = j;
    } else if (/[0-9+\-.]/.test(c)) {
      const m =
        /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(
          src.slice(i),
        );
      if (!m || m[0] === '' || m[0] === '+' || m[0] === '-' || isAlnum(src[i + m[0].length]))
        throw new TemplateError(`bad number syntax: ${JSON.stringify(src.slice(i, i + 10))}`);
      out.push({ t: 'number', v: m[0] });
      i += m[0].length;
    } else if (isAlnum(c)) {
      let j = i;
      while (isAlnum(src[j])) j++;
      out.push({ t: 'ident', v: src.slice(i, j) });
      i = j;
    } else {
      throw new TemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
  }
  out.push({ t: 'end' });
  return out;
}

const ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

/** Go's strconv.Unquote for "..." and `...` literals. */
function unquote(lit: string): string {
  if (lit[0] === '`') return lit.slice(1, -1).replace(/\r/g, '');
  const body = lit.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n !== undefined && n in ESCAPES) out += ESCAPES[n];
    else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (n !== undefined && /[0-7]/.test(n)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else throw new TemplateError(`invalid syntax: ${lit}`);
  }
  return out;
}

function numberOf(lit: string): number {
  const clean = lit.replace(/_/g, '');
  const sign = clean.startsWith('-') ? -1 : 1;
  const body = clean.replace(/^[+-]/, '');
  let v: number;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body);
  if (!Number.isFinite(v)) throw new TemplateError(`bad number syntax: ${lit}`);
  return sign * v;
}

class ActionParser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  peek(): Token {
    return this.toks[this.i]!;
  }
  next(): Token {
    return this.toks[this.i++]!;
  }

  /** A pipeline up to `end` or `)`; `control` allows the range form `$i, $e :=`. */
  pipe(control: boolean): Pipe {
    const decl: string[] = [];
    let assign = false;
    const save = this.i;
    const first = this.peek();
    if (first.t === 'var') {
      this.next();
      const after = this.peek();
      if (after.t === ':=' || after.t === '=') {
        this.next();
        decl.push(first.v);
        assign = after.t === '=';
      } else if (after.t === ',' && control) {
        this.next();
        const second = this.next();
        const op = this.next();
        if (second.t !== 'var' || op.t !== ':=') throw new TemplateError('too many declarations in command');
        decl.push(first.v, second.v);
      } else this.i = save;
    }
    const cmds: Command[] = [];
    for (;;) {
      const args: Arg[] = [];
      for (;;) {
        const tk = this.peek();
        if (tk.t === 'end' || tk.t === ')' || tk.t === '|') break;
        args.push(this.operand());
      }
      if (args.length === 0) throw new TemplateError('missing value for command');
      cmds.push({ args });
      if (this.peek().t !== '|') break;
      this.next();
    }
    return { decl, assign, cmds };
  }

  private chain(): string[] {
    const out: string[] = [];
    while (this.peek().t === 'field') out.push((this.next() as { v: string }).v);
    return out;
  }

  private operand(): Arg {
    const tk = this.next();
    switch (tk.t) {
      case 'dot':
        return { kind: 'dot' };
      case 'field':
        return { kind: 'field', chain: [tk.v, ...this.chain()] };
      case 'var':
        return { kind: 'var', name: tk.v, chain: this.chain() };
      case 'string':
        return { kind: 'literal', value: unquote(tk.v) };
      case 'char': {
        const s = unquote(`"${tk.v.slice(1, -1).replace(/"/g, '\\"')}"`);
        if ([...s].length !== 1) throw new TemplateError(`malformed character constant: ${tk.v}`);
        return { kind: 'literal', value: s.codePointAt(0) };
      }
      case 'number':
        return { kind: 'literal', value: numberOf(tk.v) };
      case 'ident':
        if (tk.v === 'true' || tk.v === 'false') return { kind: 'literal', value: tk.v === 'true' };
        if (tk.v === 'nil') return { kind: 'literal', value: null };
        // As Go's parser: a function must exist when the template is parsed.
        if (!Object.hasOwn(FUNCTIONS, tk.v))
          throw new TemplateError(`function ${JSON.stringify(tk.v)} not defined`);
        return { kind: 'ident', name: tk.v };
      case '(': {
        const pipe = this.pipe(false);
        if (this.next().t !== ')') throw new TemplateError('unclosed left paren');
        return { kind: 'pipe', pipe, chain: this.chain() };
      }
      default:
        throw new TemplateError(`unexpected ${tk.t} in operand`);
    }
  }
}

interface RawAction {
  tokens: Token[];
}

type Piece = { text: string } | RawAction;

/** Splits the template into text and actions, applying the trim markers and dropping comments. */
function pieces(src: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf('{{', i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, '');
    trimNext = false;
    if (open < 0) {
      out.push({ text });
      break;
    }
    let j = open + 2;
    if (src[j] === '-' && SPACE.test(src[j + 1] ?? '')) {
      text = text.replace(/[ \t\r\n]+$/, '');
      j += 2;
    }
    out.push({ text });
    // Find the closing delimiter outside quoted strings and comments.
    while (SPACE.test(src[j] ?? '')) j++;
    let k = j;
    if (src.startsWith('/*', j)) {
      const endc = src.indexOf('*/', j + 2);
      if (endc < 0) throw new TemplateError('unclosed comment');
      k = endc + 2;
    } else {
      let quote: string | undefined;
      for (; k < src.length; k++) {
        const c = src[k]!;
        if (quote) {
          if (c === '\\' && quote !== '`') k++;
          else if (c === quote) quote = undefined;
        } else if (c === '"' || c === '`' || c === "'") quote = c;
        else if (c === '}' && src[k + 1] === '}') break;
        else if (c === '-' && SPACE.test(src[k - 1] ?? '') && src.startsWith('}}', k + 1)) break;
      }
    }
    let close = k;
    while (SPACE.test(src[close] ?? '') && !src.startsWith('}}', close)) close++;
    let body = src.slice(j, k);
    if (src[close] === '-' && src.startsWith('}}', close + 1)) {
      trimNext = true;
      close += 1;
    }
    if (!src.startsWith('}}', close)) throw new TemplateError('unclosed action');
    if (!body.startsWith('/*')) out.push({ tokens: lexAction(body) });
    body = '';
    i = close + 2;
  }
  return out;
}

/** Parses a template into its node list. */
export function parseTemplate(src: string): Node[] {
  const ps = pieces(src);
  let pos = 0;
  type Stop = 'eof' | 'end' | 'else';
  const list = (
    inLoop: boolean,
    inBlock: boolean,
  ): { nodes: Node[]; stop: Stop; elseToks?: ActionParser } => {
    const nodes: Node[] = [];
    while (pos < ps.length) {
      const p = ps[pos++]!;
      if ('text' in p) {
        if (p.text) nodes.push({ kind: 'text', text: p.text });
        continue;
      }
      const ap = new ActionParser(p.tokens);
      const head = ap.peek();
      const word = head.t === 'ident' ? head.v : undefined;
      switch (word) {
        case 'end':
        case 'else':
          if (!inBlock) throw new TemplateError(`unexpected {{${word}}}`);
          ap.next();
          if (word === 'end' && ap.peek().t !== 'end') throw new TemplateError('unexpected token after end');
          return { nodes, stop: word, elseToks: ap };
        case 'if':
        case 'with':
        case 'range':
          ap.next();
          nodes.push(control(word, ap, inLoop || word === 'range'));
          break;
        case 'break':
        case 'continue':
          if (!inLoop) throw new TemplateError(`{{${word}}} outside {{range}}`);
          nodes.push({ kind: word });
          break;
        case 'define':
        case 'template':
        case 'block':
          throw new TemplateError(`{{${word}}} is not supported in varsTemplate by image-compat`);
        default: {
          const pipe = ap.pipe(false);
          if (ap.peek().t !== 'end') throw new TemplateError('unexpected token in action');
          nodes.push({ kind: 'action', pipe });
        }
      }
    }
    if (inBlock) throw new TemplateError('unexpected EOF');
    return { nodes, stop: 'eof' };
  };
  const control = (kind: 'if' | 'with' | 'range', ap: ActionParser, inLoop: boolean): Node => {
    const pipe = ap.pipe(kind === 'range');
    if (ap.peek().t !== 'end') throw new TemplateError(`unexpected token in ${kind}`);
    if (pipe.cmds.length === 0) throw new TemplateError(`missing value for ${kind}`);
    // A loop body may break; an else branch of range may not (it belongs to the outer loop).
    const body = list(kind === 'range' ? true : inLoop, true);
    let elseList: Node[] = [];
    if (body.stop === 'else') {
      const rest = body.elseToks!;
      const nextWord = rest.peek();
      if (nextWord.t === 'ident' && (nextWord.v === 'if' || nextWord.v === 'with')) {
        // `else if` / `else with`: a nested control that shares our end.
        rest.next();
        elseList = [control(nextWord.v, rest, inLoop)];
      } else {
        if (rest.peek().t !== 'end') throw new TemplateError('unexpected token after else');
        const tail = list(inLoop, true);
        if (tail.stop !== 'end') throw new TemplateError('expected end; found else');
        elseList = tail.nodes;
      }
    }
    return { kind, pipe, list: body.nodes, elseList };
  };
  return list(false, false).nodes;
}
