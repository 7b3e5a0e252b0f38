import {
  compileRE2,
  rethrowEngineError
} from "./chunk-LNR5OBVR.js";

// src/match/template/value.ts
var TemplateError = class extends Error {
};
function isMap(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function truth(v) {
  if (v === null || v === void 0) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") return v !== "";
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}
function sortedKeys(m) {
  return Object.keys(m).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
}
function formatNumber(n) {
  if (Number.isInteger(n)) return String(n);
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, "e$10$2");
}
function printValue(v, top = true) {
  if (v === null || v === void 0) return top ? "<no value>" : "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => printValue(x, false)).join(" ")}]`;
  if (isMap(v))
    return `map[${sortedKeys(v).map((k) => `${k}:${printValue(v[k], false)}`).join(" ")}]`;
  return String(v);
}
function typeName(v) {
  if (v === null || v === void 0) return "nil";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float64";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "slice";
  return "map";
}

// src/match/template/funcs.ts
function str(v) {
  return v === null || v === void 0 ? "" : typeof v === "string" ? v : printValue(v, false);
}
function int(v) {
  if (typeof v === "number") return Math.trunc(v);
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string" && /^[+-]?[0-9]+$/.test(v.trim())) return Number(v.trim());
  if (typeof v === "string" && /^[+-]?[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?$/.test(v.trim()))
    return Math.trunc(Number(v));
  return 0;
}
function need(name, args, n) {
  if (args.length !== n)
    throw new TemplateError(`wrong number of args for ${name}: want ${n} got ${args.length}`);
}
function fixed(name, n, fn) {
  return (...args) => {
    need(name, args, n);
    return fn(...args);
  };
}
function goLen(v) {
  if (typeof v === "string") return Buffer.byteLength(v);
  if (Array.isArray(v)) return v.length;
  if (isMap(v)) return Object.keys(v).length;
  throw new TemplateError(`len of type ${typeName(v)}`);
}
function basicKind(v) {
  if (typeof v === "number") return "number";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (v === null || v === void 0) return "nil";
  throw new TemplateError("invalid type for comparison");
}
function equal(a, b) {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === "nil" || kb === "nil") return ka === kb;
  if (ka !== kb) throw new TemplateError("incompatible types for comparison");
  return a === b;
}
function less(a, b) {
  const ka = basicKind(a);
  if (ka !== basicKind(b)) throw new TemplateError("incompatible types for comparison");
  if (ka === "bool" || ka === "nil") throw new TemplateError("invalid type for comparison");
  return a < b;
}
function sprintf(format, ...args) {
  const f = str(format);
  let i = 0;
  return f.replace(
    /%([-+# 0]*)(\d+)?(?:\.(\d+))?([svdqtxXf%])/g,
    (_m, _flags, width, prec, verb) => {
      if (verb === "%") return "%";
      if (i >= args.length) return `%!${verb}(MISSING)`;
      const a = args[i++];
      let out;
      switch (verb) {
        case "d":
          out = typeof a === "number" ? String(Math.trunc(a)) : `%!d(${typeName(a)}=${printValue(a, false)})`;
          break;
        case "q":
          out = JSON.stringify(str(a));
          break;
        case "x":
        case "X":
          out = typeof a === "number" ? Math.trunc(a).toString(16) : Buffer.from(str(a)).toString("hex");
          if (verb === "X") out = out.toUpperCase();
          break;
        case "f":
          out = typeof a === "number" ? a.toFixed(prec === void 0 ? 6 : Number(prec)) : `%!f(${typeName(a)}=${printValue(a, false)})`;
          break;
        case "t":
          out = typeof a === "boolean" ? String(a) : `%!t(${typeName(a)}=${printValue(a, false)})`;
          break;
        default:
          out = printValue(a, false);
      }
      return width ? out.padStart(Number(width)) : out;
    }
  );
}
function list(v) {
  if (Array.isArray(v)) return v;
  if (v === null || v === void 0) return [];
  throw new TemplateError(`cannot use ${typeName(v)} as a list`);
}
function quote(v) {
  return JSON.stringify(str(v));
}
function regex(p) {
  try {
    return compileRE2(str(p));
  } catch (err) {
    rethrowEngineError(err);
    throw new TemplateError(
      `invalid regular expression ${JSON.stringify(str(p))}: ${err.message}`
    );
  }
}
var sprigEmpty = (v) => !truth(v);
var FUNCTIONS = {
  // text/template builtins (and / or are short-circuited by the executor).
  and: () => void 0,
  or: () => void 0,
  not: fixed("not", 1, (v) => !truth(v)),
  len: fixed("len", 1, goLen),
  index: (v, ...keys) => {
    let cur = v;
    for (const k of keys) {
      if (Array.isArray(cur) || typeof cur === "string") {
        if (typeof k !== "number" || k < 0 || k >= goLen(cur))
          throw new TemplateError(`index out of range: ${printValue(k)}`);
        cur = typeof cur === "string" ? Buffer.from(cur)[k] : cur[k];
      } else if (isMap(cur)) {
        cur = Object.hasOwn(cur, str(k)) ? cur[str(k)] : Object.values(cur).every((x) => typeof x === "string") ? "" : null;
      } else if (cur === null || cur === void 0) {
        throw new TemplateError("index of untyped nil");
      } else throw new TemplateError(`can't index item of type ${typeName(cur)}`);
    }
    return cur;
  },
  slice: (v, ...idx) => {
    const n = idx.map(int);
    if (typeof v === "string") return v.slice(n[0] ?? 0, n[1] ?? v.length);
    return list(v).slice(n[0] ?? 0, n[1]);
  },
  print: (...a) => a.map(
    (x, i) => (i > 0 && typeof x !== "string" && typeof a[i - 1] !== "string" ? " " : "") + printValue(x, false)
  ).join(""),
  println: (...a) => `${a.map((x) => printValue(x, false)).join(" ")}
`,
  printf: (f, ...a) => sprintf(f, ...a),
  eq: (a, ...bs) => {
    if (bs.length === 0) throw new TemplateError("missing argument for comparison");
    return bs.some((b) => equal(a, b));
  },
  ne: fixed("ne", 2, (a, b) => !equal(a, b)),
  lt: fixed("lt", 2, (a, b) => less(a, b)),
  le: fixed("le", 2, (a, b) => less(a, b) || equal(a, b)),
  gt: fixed("gt", 2, (a, b) => !less(a, b) && !equal(a, b)),
  ge: fixed("ge", 2, (a, b) => !less(a, b)),
  html: (...a) => a.map((x) => str(x)).join("").replace(
    /[&'<>"\0]/g,
    (c) => ({ "&": "&amp;", "'": "&#39;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "\0": "\uFFFD" })[c]
  ),
  urlquery: (...a) => encodeURIComponent(a.map((x) => str(x)).join("")).replace(/%20/g, "+"),
  // Sprig: strings (the string is the last argument, so they pipe).
  upper: fixed("upper", 1, (s) => str(s).toUpperCase()),
  lower: fixed("lower", 1, (s) => str(s).toLowerCase()),
  title: fixed(
    "title",
    1,
    (s) => str(s).replace(new RegExp("(^|[^\\p{L}\\p{N}_'])(\\p{L})", "gu"), (_m, a, b) => a + b.toUpperCase())
  ),
  trim: fixed("trim", 1, (s) => str(s).trim()),
  trimAll: fixed("trimAll", 2, (cut, s) => {
    const set = new Set(str(cut));
    const chars = [...str(s)];
    let a = 0;
    let b = chars.length;
    while (a < b && set.has(chars[a])) a++;
    while (b > a && set.has(chars[b - 1])) b--;
    return chars.slice(a, b).join("");
  }),
  trimPrefix: fixed(
    "trimPrefix",
    2,
    (p, s) => str(s).startsWith(str(p)) ? str(s).slice(str(p).length) : str(s)
  ),
  trimSuffix: fixed(
    "trimSuffix",
    2,
    (p, s) => str(p) !== "" && str(s).endsWith(str(p)) ? str(s).slice(0, -str(p).length) : str(s)
  ),
  replace: fixed("replace", 3, (o, n, s) => str(s).split(str(o)).join(str(n))),
  repeat: fixed("repeat", 2, (n, s) => {
    const count = int(n);
    if (count < 0 || count * str(s).length > 65536) throw new TemplateError("repeat count out of range");
    return str(s).repeat(count);
  }),
  substr: fixed("substr", 3, (a, b, s) => {
    const t = str(s);
    const start = int(a);
    const end = int(b);
    if (start < 0) return t.slice(0, end);
    if (end < 0 || end > t.length) return t.slice(start);
    return t.slice(start, end);
  }),
  trunc: fixed("trunc", 2, (n, s) => {
    const t = str(s);
    const c = int(n);
    if (c < 0 && t.length + c > 0) return t.slice(t.length + c);
    if (c >= 0 && t.length > c) return t.slice(0, c);
    return t;
  }),
  contains: fixed("contains", 2, (sub, s) => str(s).includes(str(sub))),
  hasPrefix: fixed("hasPrefix", 2, (p, s) => str(s).startsWith(str(p))),
  hasSuffix: fixed("hasSuffix", 2, (p, s) => str(s).endsWith(str(p))),
  quote: (...a) => a.filter((x) => x !== null && x !== void 0).map(quote).join(" "),
  squote: (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => `'${str(x)}'`).join(" "),
  cat: (...a) => a.filter((x) => x !== null && x !== void 0).map((x) => str(x)).join(" "),
  nospace: fixed("nospace", 1, (s) => str(s).replace(/\s/g, "")),
  indent: fixed("indent", 2, (n, s) => {
    const pad = " ".repeat(Math.max(0, int(n)));
    return pad + str(s).replace(/\n/g, `
${pad}`);
  }),
  nindent: fixed("nindent", 2, (n, s) => {
    const pad = " ".repeat(Math.max(0, int(n)));
    return `
${pad}${str(s).replace(/\n/g, `
${pad}`)}`;
  }),
  toString: fixed("toString", 1, (v) => str(v)),
  splitList: fixed("splitList", 2, (sep, s) => str(s).split(str(sep))),
  join: fixed(
    "join",
    2,
    (sep, l) => list(typeof l === "string" ? [l] : l).map((x) => str(x)).join(str(sep))
  ),
  regexMatch: fixed("regexMatch", 2, (p, s) => regex(p).test(str(s))),
  regexFind: fixed("regexFind", 2, (p, s) => {
    const m = regex(p).matcher(str(s));
    return m.find() ? m.group() : "";
  }),
  regexReplaceAll: fixed("regexReplaceAll", 3, (p, s, r) => regex(p).matcher(str(s)).replaceAll(str(r))),
  // Sprig: defaults and logic.
  default: fixed("default", 2, (d, v) => sprigEmpty(v) ? d : v),
  empty: fixed("empty", 1, sprigEmpty),
  coalesce: (...a) => a.find((x) => truth(x)) ?? null,
  ternary: fixed("ternary", 3, (a, b, c) => truth(c) ? a : b),
  // Sprig: numbers (int64 arithmetic on converted arguments).
  atoi: fixed("atoi", 1, (s) => /^[+-]?[0-9]+$/.test(str(s)) ? Number(str(s)) : 0),
  int: fixed("int", 1, int),
  int64: fixed("int64", 1, int),
  add: (...a) => a.reduce((x, y) => x + int(y), 0),
  add1: fixed("add1", 1, (a) => int(a) + 1),
  sub: fixed("sub", 2, (a, b) => int(a) - int(b)),
  mul: (...a) => a.reduce((x, y) => x * int(y), 1),
  div: fixed("div", 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError("integer divide by zero");
    return Math.trunc(int(a) / int(b));
  }),
  mod: fixed("mod", 2, (a, b) => {
    if (int(b) === 0) throw new TemplateError("integer divide by zero");
    return int(a) % int(b);
  }),
  max: (...a) => Math.max(...a.map(int)),
  min: (...a) => Math.min(...a.map(int)),
  // Sprig: lists and dicts.
  list: (...a) => a,
  first: fixed("first", 1, (l) => list(l).length ? list(l)[0] : null),
  last: fixed("last", 1, (l) => list(l).length ? list(l)[list(l).length - 1] : null),
  rest: fixed("rest", 1, (l) => list(l).slice(1)),
  has: fixed("has", 2, (needle, l) => list(l).some((x) => x === needle)),
  uniq: fixed("uniq", 1, (l) => [...new Set(list(l))]),
  sortAlpha: fixed(
    "sortAlpha",
    1,
    (l) => list(l).map((x) => str(x)).sort((a, b) => a < b ? -1 : a > b ? 1 : 0)
  ),
  dict: (...a) => {
    const out = {};
    for (let i = 0; i < a.length; i += 2)
      Object.defineProperty(out, str(a[i]), { value: a[i + 1] ?? "", enumerable: true, writable: true });
    return out;
  },
  get: fixed("get", 2, (m, k) => isMap(m) && Object.hasOwn(m, str(k)) ? m[str(k)] : ""),
  hasKey: fixed("hasKey", 2, (m, k) => isMap(m) && Object.hasOwn(m, str(k))),
  keys: (...ms) => ms.flatMap((m) => isMap(m) ? Object.keys(m) : []),
  values: fixed("values", 1, (m) => isMap(m) ? sortedKeys(m).map((k) => m[k]) : [])
};
var FUNCTION_NAMES = Object.keys(FUNCTIONS);

// src/match/template/exec.ts
var MAX_OUTPUT = 1024 * 1024;
var Scope = class {
  vars = [];
  push(name, v) {
    this.vars.push([name, v]);
  }
  mark() {
    return this.vars.length;
  }
  pop(mark) {
    this.vars.length = mark;
  }
  get(name) {
    for (let i = this.vars.length - 1; i >= 0; i--) if (this.vars[i][0] === name) return this.vars[i][1];
    throw new TemplateError(`undefined variable: ${name}`);
  }
  set(name, v) {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i][0] === name) {
        this.vars[i][1] = v;
        return;
      }
    }
    throw new TemplateError(`undefined variable: ${name}`);
  }
};
var Break = class {
};
var Continue = class {
};
var NO_FINAL = /* @__PURE__ */ Symbol("no final");
var Execution = class {
  out = "";
  scope = new Scope();
  constructor(data) {
    this.scope.push("$", data);
  }
  run(nodes, dot) {
    this.list(nodes, dot);
    return this.out;
  }
  write(s) {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) throw new TemplateError(`output larger than ${MAX_OUTPUT} characters`);
  }
  list(nodes, dot) {
    for (const n of nodes) this.node(n, dot);
  }
  node(n, dot) {
    switch (n.kind) {
      case "text":
        this.write(n.text);
        return;
      case "action": {
        const v = this.pipe(n.pipe, dot);
        if (n.pipe.decl.length === 0) this.write(printValue(v));
        return;
      }
      case "break":
        throw new Break();
      case "continue":
        throw new Continue();
      case "if":
      case "with": {
        const mark = this.scope.mark();
        const v = this.pipe(n.pipe, dot);
        if (truth(v)) this.list(n.list, n.kind === "with" ? v : dot);
        else this.list(n.elseList, dot);
        this.scope.pop(mark);
        return;
      }
      case "range":
        this.range(n, dot);
        return;
    }
  }
  range(n, dot) {
    const mark = this.scope.mark();
    const v = this.pipeValue(n.pipe, dot);
    let items;
    if (Array.isArray(v)) items = v.map((x, i) => [i, x]);
    else if (isMap(v)) items = sortedKeys(v).map((k) => [k, v[k]]);
    else if (typeof v === "number" && Number.isInteger(v))
      items = Array.from({ length: Math.max(0, v) }, (_, i) => [i, i]);
    else if (v === null || v === void 0) items = [];
    else throw new TemplateError(`range can't iterate over ${printValue(v)}`);
    if (items.length === 0) {
      this.list(n.elseList, dot);
      this.scope.pop(mark);
      return;
    }
    for (const [k, x] of items) {
      const inner = this.scope.mark();
      if (n.pipe.decl.length === 1) this.scope.push(n.pipe.decl[0], x);
      if (n.pipe.decl.length === 2) {
        this.scope.push(n.pipe.decl[0], k);
        this.scope.push(n.pipe.decl[1], x);
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
  pipeValue(p, dot) {
    return this.commands(p.cmds, dot);
  }
  pipe(p, dot) {
    const v = this.commands(p.cmds, dot);
    if (p.decl.length) {
      if (p.assign) this.scope.set(p.decl[0], v);
      else this.scope.push(p.decl[0], v);
    }
    return v;
  }
  commands(cmds, dot) {
    let final = NO_FINAL;
    for (const c of cmds) final = this.command(c, dot, final);
    return final;
  }
  command(c, dot, final) {
    const [first, ...rest] = c.args;
    if (first.kind === "ident") return this.call(first.name, rest, dot, final);
    if (rest.length || final !== NO_FINAL) {
      throw new TemplateError(`can't give argument to non-function ${describeArg(first)}`);
    }
    return this.arg(first, dot);
  }
  call(name, args, dot, final) {
    const fn = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : void 0;
    if (!fn) throw new TemplateError(`function ${JSON.stringify(name)} not defined`);
    const hasFinal = final !== NO_FINAL;
    if (name === "and" || name === "or") {
      const thunks = args.map((a) => () => this.arg(a, dot));
      if (hasFinal) thunks.push(() => final);
      if (thunks.length === 0)
        throw new TemplateError(`wrong number of args for ${name}: want at least 1 got 0`);
      let v;
      for (const t of thunks) {
        v = t();
        if (truth(v) === (name === "or")) return v;
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
  arg(a, dot) {
    switch (a.kind) {
      case "dot":
        return dot;
      case "literal":
        return a.value;
      case "field":
        return fields(dot, a.chain);
      case "var":
        return fields(this.scope.get(a.name), a.chain);
      case "ident":
        return this.call(a.name, [], dot, NO_FINAL);
      case "pipe": {
        const mark = this.scope.mark();
        const v = this.pipe(a.pipe, dot);
        this.scope.pop(mark);
        return fields(v, a.chain);
      }
    }
  }
};
function describeArg(a) {
  switch (a.kind) {
    case "field":
      return `.${a.chain.join(".")}`;
    case "var":
      return [a.name, ...a.chain].join(".");
    case "dot":
      return ".";
    default:
      return a.kind;
  }
}
function fields(v, chain) {
  let cur = v;
  for (const name of chain) {
    if (cur === null || cur === void 0)
      throw new TemplateError(`nil data; no entry for key ${JSON.stringify(name)}`);
    if (!isMap(cur)) throw new TemplateError(`can't evaluate field ${name} in type ${typeName(cur)}`);
    if (!Object.hasOwn(cur, name))
      throw new TemplateError(`map has no entry for key ${JSON.stringify(name)}`);
    cur = cur[name];
  }
  return cur;
}

// src/match/template/parse.ts
var SPACE = /[ \t\r\n]/;
function isAlnum(c) {
  return c !== void 0 && /[A-Za-z0-9_]/.test(c);
}
function lexAction(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    if (c === "(" || c === ")" || c === "|" || c === ",") {
      out.push({ t: c });
      i++;
    } else if (c === ":" && src[i + 1] === "=") {
      out.push({ t: ":=" });
      i += 2;
    } else if (c === "=") {
      out.push({ t: "=" });
      i++;
    } else if (c === '"' || c === "`" || c === "'") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === "\\" && c !== "`") j++;
        if (src[j] === "\n" && c !== "`") throw new TemplateError("unterminated quoted string");
        j++;
      }
      if (j >= src.length) throw new TemplateError("unterminated quoted string");
      out.push({ t: c === "'" ? "char" : "string", v: src.slice(i, j + 1) });
      i = j + 1;
    } else if (c === "." && isAlnum(src[i + 1]) && !/[0-9]/.test(src[i + 1])) {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: "field", v: src.slice(i + 1, j) });
      i = j;
    } else if (c === "." && !/[0-9]/.test(src[i + 1] ?? "")) {
      out.push({ t: "dot" });
      i++;
    } else if (c === "$") {
      let j = i + 1;
      while (isAlnum(src[j])) j++;
      out.push({ t: "var", v: src.slice(i, j) });
      i = j;
    } else if (/[0-9+\-.]/.test(c)) {
      const m = /^[+-]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:[0-9][0-9_]*)?\.?[0-9_]*(?:[eE][+-]?[0-9]+)?)/.exec(
        src.slice(i)
      );
      if (!m || m[0] === "" || m[0] === "+" || m[0] === "-" || isAlnum(src[i + m[0].length]))
        throw new TemplateError(`bad number syntax: ${JSON.stringify(src.slice(i, i + 10))}`);
      out.push({ t: "number", v: m[0] });
      i += m[0].length;
    } else if (isAlnum(c)) {
      let j = i;
      while (isAlnum(src[j])) j++;
      out.push({ t: "ident", v: src.slice(i, j) });
      i = j;
    } else {
      throw new TemplateError(`unexpected ${JSON.stringify(c)} in command`);
    }
  }
  out.push({ t: "end" });
  return out;
}
var ESCAPES = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'"
};
function unquote(lit) {
  if (lit[0] === "`") return lit.slice(1, -1).replace(/\r/g, "");
  const body = lit.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n !== void 0 && n in ESCAPES) out += ESCAPES[n];
    else if (n === "x" || n === "u" || n === "U") {
      const len = n === "x" ? 2 : n === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + len);
      if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCodePoint(parseInt(hex, 16));
      i += len;
    } else if (n !== void 0 && /[0-7]/.test(n)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new TemplateError(`invalid syntax: ${lit}`);
      out += String.fromCharCode(parseInt(oct, 8));
      i += 2;
    } else throw new TemplateError(`invalid syntax: ${lit}`);
  }
  return out;
}
function numberOf(lit) {
  const clean = lit.replace(/_/g, "");
  const sign = clean.startsWith("-") ? -1 : 1;
  const body = clean.replace(/^[+-]/, "");
  let v;
  if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[bB]/.test(body)) v = parseInt(body.slice(2), 2);
  else if (/^0[oO]/.test(body)) v = parseInt(body.slice(2), 8);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body);
  if (!Number.isFinite(v)) throw new TemplateError(`bad number syntax: ${lit}`);
  return sign * v;
}
var ActionParser = class {
  constructor(toks) {
    this.toks = toks;
  }
  toks;
  i = 0;
  peek() {
    return this.toks[this.i];
  }
  next() {
    return this.toks[this.i++];
  }
  /** A pipeline up to `end` or `)`; `control` allows the range form `$i, $e :=`. */
  pipe(control) {
    const decl = [];
    let assign = false;
    const save = this.i;
    const first = this.peek();
    if (first.t === "var") {
      this.next();
      const after = this.peek();
      if (after.t === ":=" || after.t === "=") {
        this.next();
        decl.push(first.v);
        assign = after.t === "=";
      } else if (after.t === "," && control) {
        this.next();
        const second = this.next();
        const op = this.next();
        if (second.t !== "var" || op.t !== ":=") throw new TemplateError("too many declarations in command");
        decl.push(first.v, second.v);
      } else this.i = save;
    }
    const cmds = [];
    for (; ; ) {
      const args = [];
      for (; ; ) {
        const tk = this.peek();
        if (tk.t === "end" || tk.t === ")" || tk.t === "|") break;
        args.push(this.operand());
      }
      if (args.length === 0) throw new TemplateError("missing value for command");
      cmds.push({ args });
      if (this.peek().t !== "|") break;
      this.next();
    }
    return { decl, assign, cmds };
  }
  chain() {
    const out = [];
    while (this.peek().t === "field") out.push(this.next().v);
    return out;
  }
  operand() {
    const tk = this.next();
    switch (tk.t) {
      case "dot":
        return { kind: "dot" };
      case "field":
        return { kind: "field", chain: [tk.v, ...this.chain()] };
      case "var":
        return { kind: "var", name: tk.v, chain: this.chain() };
      case "string":
        return { kind: "literal", value: unquote(tk.v) };
      case "char": {
        const s = unquote(`"${tk.v.slice(1, -1).replace(/"/g, '\\"')}"`);
        if ([...s].length !== 1) throw new TemplateError(`malformed character constant: ${tk.v}`);
        return { kind: "literal", value: s.codePointAt(0) };
      }
      case "number":
        return { kind: "literal", value: numberOf(tk.v) };
      case "ident":
        if (tk.v === "true" || tk.v === "false") return { kind: "literal", value: tk.v === "true" };
        if (tk.v === "nil") return { kind: "literal", value: null };
        if (!Object.hasOwn(FUNCTIONS, tk.v))
          throw new TemplateError(`function ${JSON.stringify(tk.v)} not defined`);
        return { kind: "ident", name: tk.v };
      case "(": {
        const pipe = this.pipe(false);
        if (this.next().t !== ")") throw new TemplateError("unclosed left paren");
        return { kind: "pipe", pipe, chain: this.chain() };
      }
      default:
        throw new TemplateError(`unexpected ${tk.t} in operand`);
    }
  }
};
function pieces(src) {
  const out = [];
  let i = 0;
  let trimNext = false;
  while (i <= src.length) {
    const open = src.indexOf("{{", i);
    let text = src.slice(i, open < 0 ? src.length : open);
    if (trimNext) text = text.replace(/^[ \t\r\n]+/, "");
    trimNext = false;
    if (open < 0) {
      out.push({ text });
      break;
    }
    let j = open + 2;
    if (src[j] === "-" && SPACE.test(src[j + 1] ?? "")) {
      text = text.replace(/[ \t\r\n]+$/, "");
      j += 2;
    }
    out.push({ text });
    while (SPACE.test(src[j] ?? "")) j++;
    let k = j;
    if (src.startsWith("/*", j)) {
      const endc = src.indexOf("*/", j + 2);
      if (endc < 0) throw new TemplateError("unclosed comment");
      k = endc + 2;
    } else {
      let quote2;
      for (; k < src.length; k++) {
        const c = src[k];
        if (quote2) {
          if (c === "\\" && quote2 !== "`") k++;
          else if (c === quote2) quote2 = void 0;
        } else if (c === '"' || c === "`" || c === "'") quote2 = c;
        else if (c === "}" && src[k + 1] === "}") break;
        else if (c === "-" && SPACE.test(src[k - 1] ?? "") && src.startsWith("}}", k + 1)) break;
      }
    }
    let close = k;
    while (SPACE.test(src[close] ?? "") && !src.startsWith("}}", close)) close++;
    let body = src.slice(j, k);
    if (src[close] === "-" && src.startsWith("}}", close + 1)) {
      trimNext = true;
      close += 1;
    }
    if (!src.startsWith("}}", close)) throw new TemplateError("unclosed action");
    if (!body.startsWith("/*")) out.push({ tokens: lexAction(body) });
    body = "";
    i = close + 2;
  }
  return out;
}
function parseTemplate(src) {
  const ps = pieces(src);
  let pos = 0;
  const list2 = (inLoop, inBlock) => {
    const nodes = [];
    while (pos < ps.length) {
      const p = ps[pos++];
      if ("text" in p) {
        if (p.text) nodes.push({ kind: "text", text: p.text });
        continue;
      }
      const ap = new ActionParser(p.tokens);
      const head = ap.peek();
      const word = head.t === "ident" ? head.v : void 0;
      switch (word) {
        case "end":
        case "else":
          if (!inBlock) throw new TemplateError(`unexpected {{${word}}}`);
          ap.next();
          if (word === "end" && ap.peek().t !== "end") throw new TemplateError("unexpected token after end");
          return { nodes, stop: word, elseToks: ap };
        case "if":
        case "with":
        case "range":
          ap.next();
          nodes.push(control(word, ap, inLoop || word === "range"));
          break;
        case "break":
        case "continue":
          if (!inLoop) throw new TemplateError(`{{${word}}} outside {{range}}`);
          nodes.push({ kind: word });
          break;
        case "define":
        case "template":
        case "block":
          throw new TemplateError(`{{${word}}} is not supported in varsTemplate by image-compat`);
        default: {
          const pipe = ap.pipe(false);
          if (ap.peek().t !== "end") throw new TemplateError("unexpected token in action");
          nodes.push({ kind: "action", pipe });
        }
      }
    }
    if (inBlock) throw new TemplateError("unexpected EOF");
    return { nodes, stop: "eof" };
  };
  const control = (kind, ap, inLoop) => {
    const pipe = ap.pipe(kind === "range");
    if (ap.peek().t !== "end") throw new TemplateError(`unexpected token in ${kind}`);
    if (pipe.cmds.length === 0) throw new TemplateError(`missing value for ${kind}`);
    const body = list2(kind === "range" ? true : inLoop, true);
    let elseList = [];
    if (body.stop === "else") {
      const rest = body.elseToks;
      const nextWord = rest.peek();
      if (nextWord.t === "ident" && (nextWord.v === "if" || nextWord.v === "with")) {
        rest.next();
        elseList = [control(nextWord.v, rest, inLoop)];
      } else {
        if (rest.peek().t !== "end") throw new TemplateError("unexpected token after else");
        const tail = list2(inLoop, true);
        if (tail.stop !== "end") throw new TemplateError("expected end; found else");
        elseList = tail.nodes;
      }
    }
    return { kind, pipe, list: body.nodes, elseList };
  };
  return list2(false, false).nodes;
}

// src/match/template/index.ts
var MAX_TEMPLATE_BYTES = 64 * 1024;
function checkTemplate(template) {
  if (Buffer.byteLength(template) > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(
      `template exceeds maximum allowed size: ${Buffer.byteLength(template)} bytes > ${MAX_TEMPLATE_BYTES} limit`
    );
  }
  parseTemplate(template);
}
function templateData(features) {
  const data = {};
  const put = (o, k, v) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [dom, byName] of features) {
    const inner = {};
    for (const [name, elems] of byName) put(inner, name, elems);
    put(data, dom, inner);
  }
  return data;
}
function expandVarsTemplate(template, features) {
  const out = {};
  if (template === "") return out;
  checkTemplate(template);
  let text;
  try {
    text = new Execution(templateData(features)).run(parseTemplate(template), templateData(features));
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(`failed to expand template: ${err.message}`);
    throw err;
  }
  for (const item of text.split("\n")) {
    const trimmed = item.trim();
    if (trimmed === "") continue;
    const eq = trimmed.indexOf("=");
    if (eq < 0) {
      throw new TemplateError(
        `missing value in expanded template line ${JSON.stringify(trimmed)}, (format must be '<key>=<value>')`
      );
    }
    Object.defineProperty(out, trimmed.slice(0, eq), {
      value: trimmed.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true
    });
  }
  return out;
}

export {
  TemplateError,
  checkTemplate,
  expandVarsTemplate
};
