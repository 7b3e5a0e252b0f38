// The functions a varsTemplate may call: text/template's builtins and the Sprig functions most
// useful for key=value lines. NFD offers all of Sprig but env, expandenv and getHostByName; this
// is the named subset image-compat implements (docs/spec.md lists it). A template that calls any
// other function fails as an undefined function would: exit 2, never a silent pass.
import { compileRE2, rethrowEngineError } from '../../spec/values.js';
import { isMap, printValue, TemplateError, truth, typeName, sortedKeys } from './value.js';

export type Builtin = (...args: unknown[]) => unknown;

function str(v: unknown): string {
  return v === null || v === undefined ? '' : typeof v === 'string' ? v : printValue(v, false);
}

/** Sprig's toInt-style conversion (cast.ToInt): numbers, numeric strings; anything else is 0. */
function int(v: unknown): number {
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v.trim())) return Number(v.trim());
  if (typeof v === 'string' && /^[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(v.trim()))
    return Math.trunc(Number(v));
  return 0;
}

function need(name: string, args: unknown[], n: number): void {
  if (args.length !== n)
    throw new TemplateError(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}

function fixed(name: string, n: number, fn: Builtin): Builtin {
  return (...args) => {
    need(name, args, n);
    return fn(...args);
  };
}

function goLen(v: unknown): number {
  if (typeof v === 'string') return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  throw new TemplateError(`len of type ${typeName(v)}`);
}

function basicKind(v: unknown): string {
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (v === null || v === undefined) return 'nil';
  throw new TemplateError('invalid type for comparison');
}

function equal(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'nil' || kb === 'nil') return ka === kb;
  if (ka !== kb) throw new TemplateError('incompatible types for comparison');
  return a === b;
}

function less(a: unknown, b: unknown): boolean {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new TemplateError('incompatible types for comparison');
  if (ka === 'bool' || ka === 'nil') throw new TemplateError('invalid type for comparison');
  return (a as number | string) < (b as number | string);
}

/** fmt's Sprintf for the verbs templates use: %s %v %d %q %t %x %f %%. */
function sprintf(format: unknown, ...args: unknown[]): string {
  const f = str(format);
  let i = 0;
  return f.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([svdqtxXf%])/g,
    (_m, _flags: string, width?: string, prec?: string, verb?: string) => {
      if (verb === '%') return '%';
      if (i >= args.length) return `%!${verb}(MISSING)`;
      const a = args[i++];
      let out: string;
      switch (verb) {
        case 'd':
          out = typeof a === 'number' ? String(Math.trunc(a)) : `%!d(${typeName(a)}=${printValue(a, false)})`;
          break;
        case 'q':
          out = JSON.stringify(str(a));
          break;
        case 'x':
        case 'X':
          out = typeof a === 'number' ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString('hex');
          if (verb === 'X') out = out.toUpperCase();
          break;
        case 'f':
          out =
            typeof a === 'number'
              ? a.toFixed(prec === undefined ? 6 : Number(prec))
              : `%!f(${typeName(a)}=${printValue(a, false)})`;
          break;
        case 't':
          out = typeof a === 'boolean' ? String(a) : `%!t(${typeName(a)}=${printValue(a, false)})`;
          break;
        default:
          out = printValue(a, false);
      }
      return width ? out.padStart(Number(width)) : out;
    },
  );
}

function list(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined) return [];
  throw new TemplateError(`cannot use ${typeName(v)} as a list`);
}

function quote(v: unknown): string {
  return JSON.stringify(str(v));
}

function regex(p: unknown) {
  try {
    return compileRE2(str(p));
  } catch (err) {
    rethrowEngineError(err);
    throw new TemplateError(
      `invalid regular expression ${JSON.stringify(str(p))}: ${(err as Error).message}`,
    );
  }
}

const sprigEmpty = (v: unknown) => !truth(v);

export const FUNCTIONS: Readonly<Record<string, Builtin>> = {
  // text/template builtins (and / or are short-circuited by the executor).
  and: () => undefined,
  or: () => undefined,
  not: fixed('not', 1, (v) => !truth(v)),
  len: fixed('len', 1, goLen),
  index: (v, ...keys) => {
    let cur = v;
    for (const k of keys) {
      if (Array.isArray(cur) || typeof cur === 'string') {
        if (typeof k !== 'number' || k < 0 || k >= goLen(cur))
          throw new TemplateError(`index out of range: ${printValue(k)}`);
        cur = typeof cur === 'string' ? Buffer.from(cur)[k] : cur[k];
      } else if (isMap(cur)) {
        // A missing key gives the map's zero value (index ignores missingkey): "" for string maps.
        cur = Object.hasOwn(cur, str(k))
          ? cur[str(k)]
          : Object.values(cur).every((x) => typeof x === 'string')
            ? ''
            : null;
      } else if (cur === null || cur === undefined) {
        throw new TemplateError('index of untyped nil');
      } else throw new TemplateError(`can't index item of type ${typeName(cur)}`);
    }
    return cur;
  },
  slice: (v, ...idx) => {
    const n = idx.map(int);
    if (typeof v === 'string') return v.slice(n[0] ?? 0, n[1] ?? v.length);
    return list(v).slice(n[0] ?? 0, n[1]);
  },
  print: (...a) =>
    a
      .map(
        (x, i) =>
          (i > 0 && typeof x !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + printValue(x, false),
      )
      .join(''),
  println: (...a) => `${a.map((x) => printValue(x, false)).join(' ')}\n`,
  printf: (f, ...a) => sprintf(f, ...a),
  eq: (a, ...bs) => {
    if (bs.length === 0) throw new TemplateError('missing argument for comparison');
    return bs.some((b) => equal(a, b));
  },
  ne: fixed('ne', 2, (a, b) => !equal(a, b)),
  lt: fixed('lt', 2, (a, b) => less(a, b)),
  le: fixed('le', 2, (a, b) => less(a, b) || equal(a, b)),
  gt: fixed('gt', 2, (a, b) => !less(a, b) && !equal(a, b)),
  ge: fixed('ge', 2, (a, b) => !less(a, b)),
  html: (...a) =>
    a
      .map((x) => str(x))
      .join('')
      .replace(
        /[&'<>"\0]/g,
        (c) => ({ '&': '&amp;', "'": '&#39;', '<': '&lt;', '>': '&gt;', '"': '&#34;', '\0': '\uFFFD' })[c]!,
      ),
  urlquery: (...a) => encodeURIComponent(a.map((x) => str(x)).join('')).replace(/%20/g, '+'),
  // Sprig: strings (the string is the last argument, so they pipe).
  upper: fixed('upper', 1, (s) => str(s).toUpperCase()),
  lower: fixed('lower', 1, (s) => str(s).toLowerCase()),
  title: fixed('title', 1, (s) =>
    str(s).replace(/(^|[^\p{L}\p{N}_'])(\p{L})/gu, (_m, a: string, b: string) => a + b.toUpperCase()),
  ),
  trim: fixed('trim', 1, (s) => str(s).trim()),
  trimAll: fixed('trimAll', 2, (cut, s) => {
    const set = new Set(str(cut));
    const chars = [...str(s)];
    let a = 0;
    let b = chars.length;
    while (a < b && set.has(chars[a]!)) a++;
    while (b > a && set.has(chars[b - 1]!)) b--;
    return chars.slice(a, b).join('');
  }),
  trimPrefix: fixed('trimPrefix', 2, (p, s) =>
    str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s),
  ),
  trimSuffix: fixed('trimSuffix', 2, (p, s) =>
    str(p) !== '' && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s),
  ),
  replace: fixed('replace', 3, (o, n, s) => str(s).split(str(o)).join(str(n))),
  repeat: fixed('repeat', 2, (n, s) => {
    const count = int(n);
    if (count < 0 || count * str(s).length > 65536) throw new TemplateError('repeat count out of range');
    return str(s).repeat(count);
  }),
  substr: fixed('substr', 3, (a, b, s) => {
    const t = str(s);
    const start = int(a);
    const end = int(b);
    if (start < 0) return t.slice(0, end);
    if (end < 0 || end > t.length) return t.slice(start);
    return t.slice(start, end);
  }),
  trunc: fixed('trunc', 2, (n, s) => {
    const t = str(s);
    const c = int(n);
    if (c < 0 && t.length + c > 0) return t.slice(t.length + c);
    if (c >= 0 && t.length > c) return t.slice(0, c);
    return t;
  }),
  contains: fixed('contains', 2, (sub, s) => str(s).includes(str(sub))),
  hasPrefix: fixed('hasPrefix', 2, (p, s) => str(s).startsWith(str(p))),
  hasSuffix: fixed('hasSuffix', 2, (p, s) => str(s).endsWith(str(p))),
  quote: (...a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map(quote)
      .join(' '),
  squote: (...a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map((x) => `'${str(x)}'`)
      .join(' '),
  cat: (...a) =>
    a
      .filter((x) => x !== null && x !== undefined)
      .map((x) => str(x))
      .join(' '),
  nospace: fixed('nospace', 1, (s) => str(s).replace(/\s/g, '')),
  indent: fixed('indent', 2, (n, s) => {
    const pad = ' '.repeat(Math.max(0, int(n)));
    return pad + str(s).replace(/\n/g, `\n${pad}`);
  }),
  nindent: fixed('nindent', 2, (n, s) => {
    const pad = ' '.repeat(Math.max(0, int(n)));
    return `\n${pad}${str(s).replace(/\n/g, `\n${pad}`)}`;
  }),
  toString: fixed('toString', 1, (v) => str(v)),
  splitList: fixed('splitList', 2, (sep, s) => str(s).split(str(sep))),
  join: fixed('join', 2, (sep, l) =>
    list(typeof l === 'string' ? [l] : l)
      .map((x) => str(x))
      .join(str(sep)),
  ),
  regexMatch: fixed('regexMatch', 2, (p, s) => regex(p).test(str(s))),
  regexFind: fixed('regexFind', 2, (p, s) => {
    const m = regex(p).matcher(str(s));
    return m.find() ? m.group() : '';
  }),
  regexReplaceAll: fixed('regexReplaceAll', 3, (p, s, r) => regex(p).matcher(str(s)).replaceAll(str(r))),
  // Sprig: defaults and logic.
  default: fixed('default', 2, (d, v) => (sprigEmpty(v) ? d : v)),
  empty: fixed('empty', 1, sprigEmpty),
  coalesce: (...a) => a.find((x) => truth(x)) ?? null,
  ternary: fixed('ternary', 3, (a, b, c) => (truth(c) ? a : b)),
  // Sprig: numbers (int64 arithmetic on converted arguments).
  atoi: fixed('atoi', 1, (s) => (/^[+-]?[0-9]+$/.test(str(s)) ? Number(str(s)) : 0)),
  int: fixed('int', 1, int),
  int64: fixed('int64', 1, int),
  add: (...a) => a.reduce<number>((x, y) => x + int(y), 0),
  add1: fixed('add1', 1, (a) => int(a) + 1),
  sub: fixed('sub', 2, (a, b) => int(a) - int(b)),
  mul: (...a) => a.reduce<number>((x, y) => x * int(y), 1),
  div: fixed('div', 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError('integer divide by zero');
    return Math.trunc(int(a) / int(b));
  }),
  mod: fixed('mod', 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError('integer divide by zero');
    return int(a) % int(b);
  }),
  max: (...a) => Math.max(...a.map(int)),
  min: (...a) => Math.min(...a.map(int)),
  // Sprig: lists and dicts.
  list: (...a) => a,
  first: fixed('first', 1, (l) => (list(l).length ? list(l)[0] : null)),
  last: fixed('last', 1, (l) => (list(l).length ? list(l)[list(l).length - 1] : null)),
  rest: fixed('rest', 1, (l) => list(l).slice(1)),
  has: fixed('has', 2, (needle, l) => list(l).some((x) => x === needle)),
  uniq: fixed('uniq', 1, (l) => [...new Set(list(l))]),
  sortAlpha: fixed('sortAlpha', 1, (l) =>
    list(l)
      .map((x) => str(x))
      .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
  ),
  dict: (...a) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < a.length; i += 2)
      Object.defineProperty(out, str(a[i]), { value: a[i + 1] ?? '', enumerable: true, writable: true });
    return out;
  },
  get: fixed('get', 2, (m, k) => (isMap(m) && Object.hasOwn(m, str(k)) ? m[str(k)] : '')),
  hasKey: fixed('hasKey', 2, (m, k) => isMap(m) && Object.hasOwn(m, str(k))),
  keys: (...ms) => ms.flatMap((m) => (isMap(m) ? Object.keys(m) : [])),
  values: fixed('values', 1, (m) => (isMap(m) ? sortedKeys(m).map((k) => m[k]) : [])),
};

/** The names a varsTemplate may call (for docs and messages). */
export const FUNCTION_NAMES: readonly string[] = Object.keys(FUNCTIONS);
