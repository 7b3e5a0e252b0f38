import {
  TemplateError,
  expandVarsTemplate
} from "./chunk-JLEFDGDL.js";
import {
  compareVersions,
  compileRE2,
  literalPattern,
  parseGoIntFast,
  parseVersion,
  rethrowEngineError
} from "./chunk-LNR5OBVR.js";
import {
  MATCH_ANY,
  MATCH_OPS
} from "./chunk-CEMVL7P3.js";
import {
  EvaluationError
} from "./chunk-TS22JX7Z.js";

// src/match/hash.ts
var MASK = 16777215;
var SEED = 5381;
function mixString(h, s) {
  for (let i = 0; i < s.length; i++) h = h * 31 + s.charCodeAt(i) & MASK;
  return h * 31 + s.length & MASK;
}
function mixInt(h, n) {
  return h * 31 + (n + 1 & MASK) & MASK;
}
var Buckets = class {
  /** Per slot: its value's hash + 1, or 0 when empty. */
  hashes = new Int32Array(16);
  values = new Array(16);
  count = 0;
  /** 32 - log2(the table's size): start()'s shift. */
  shift = 28;
  /** The first slot holding a value of hash h, or -1. */
  first(h) {
    return this.probe(h, this.start(h));
  }
  /** The next slot after `slot` holding a value of hash h, or -1. */
  next(h, slot) {
    return this.probe(h, slot + 1 & this.hashes.length - 1);
  }
  at(slot) {
    return this.values[slot];
  }
  add(h, value) {
    if ((this.count + 1) * 2 > this.hashes.length) this.grow();
    this.put(h, value);
    this.count++;
  }
  start(h) {
    return Math.imul(h, 2654435761) >>> this.shift;
  }
  probe(h, from) {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    for (let slot = from; ; slot = slot + 1 & mask) {
      const x = hashes[slot];
      if (x === 0) return -1;
      if (x === h + 1) return slot;
    }
  }
  put(h, value) {
    const hashes = this.hashes;
    const mask = hashes.length - 1;
    let slot = this.start(h);
    while (hashes[slot] !== 0) slot = slot + 1 & mask;
    hashes[slot] = h + 1;
    this.values[slot] = value;
  }
  grow() {
    const hashes = this.hashes;
    const values = this.values;
    this.hashes = new Int32Array(hashes.length * 2);
    this.values = new Array(hashes.length * 2);
    this.shift--;
    for (let slot = 0; slot < hashes.length; slot++)
      if (hashes[slot] !== 0) this.put(hashes[slot] - 1, values[slot]);
  }
};

// src/match/expression.ts
var ExpressionError = class extends Error {
};
var KNOWN_OPS = /* @__PURE__ */ new Set([MATCH_ANY, ...MATCH_OPS]);
function describe(e) {
  return e.value?.length ? `{op: ${JSON.stringify(e.op)}, value: [${e.value.map((v) => JSON.stringify(v)).join(" ")}]}` : `{op: ${JSON.stringify(e.op)}}`;
}
function testValue(c, value) {
  const members = c.members;
  if (members === void 0) return c.test(value);
  if (c.lookup) return c.lookup.has(value) !== c.negated;
  for (let i = 0; i < members.length; i++) if (members[i] === value) return !c.negated;
  return c.negated === true;
}
var fail = (message) => () => {
  throw new ExpressionError(message);
};
var never = () => false;
function emptyValueError(e) {
  return `invalid expression, 'value' field must be empty for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
}
function lazyRef(parse) {
  let done = false;
  let v;
  return () => {
    if (!done) {
      v = parse();
      done = true;
    }
    return v;
  };
}
function reader(e) {
  const version = (e.type ?? "") === "version";
  const parse = version ? parseVersion : parseGoIntFast;
  const kind = version ? "version" : "number";
  return {
    input: (s) => {
      const v = parse(s);
      if (v === void 0) throw new ExpressionError(`not a ${kind} ${JSON.stringify(s)}`);
      return v;
    },
    ref: (i) => lazyRef(() => {
      const v = parse(e.value[i]);
      if (v === void 0)
        throw new ExpressionError(`not a ${kind} ${JSON.stringify(e.value[i])} in ${describe(e)}`);
      return v;
    }),
    compare: version ? (a, b) => compareVersions(a, b) : (a, b) => a < b ? -1 : a > b ? 1 : 0
  };
}
function typeError(e) {
  const type = e.type ?? "";
  return type === "" || type === "version" ? void 0 : `invalid expression, 'type' field only accepts "version" value for Op ${JSON.stringify(e.op)} (have ${JSON.stringify(type)})`;
}
function compileTest(e) {
  const values = e.value ?? [];
  const nonEmpty = `invalid expression, 'value' field must be non-empty for Op ${JSON.stringify(e.op)}`;
  switch (e.op) {
    case "In":
    case "NotIn":
      return fail(nonEmpty);
    // with values: a Set (compile)
    case "InRegexp": {
      if (!values.length) return fail(nonEmpty);
      const literals = values.map(literalPattern);
      if (literals.every((t) => t !== void 0)) return (v) => literals.some((t) => t(v));
      const res = lazyRef(
        () => values.map((p) => {
          try {
            return compileRE2(p);
          } catch (err) {
            rethrowEngineError(err);
            throw new ExpressionError(
              `invalid expression, 'value' field must only contain valid regexps for Op "InRegexp" (have ${describe(e)})`
            );
          }
        })
      );
      return (v) => res().some((re) => re.test(v));
    }
    case "Gt":
    case "Ge":
    case "Lt":
    case "Le": {
      if (values.length !== 1)
        return fail(
          `invalid expression, 'value' field must contain exactly one element for Op ${JSON.stringify(e.op)} (have ${describe(e)})`
        );
      const te = typeError(e);
      if (te) return fail(te);
      const { input, ref, compare } = reader(e);
      const r = ref(0);
      const holds = e.op === "Gt" ? (c) => c > 0 : e.op === "Ge" ? (c) => c >= 0 : e.op === "Lt" ? (c) => c < 0 : (c) => c <= 0;
      return (v) => {
        const l = input(v);
        return holds(compare(l, r()));
      };
    }
    case "GtLt":
    case "GeLe": {
      if (values.length !== 2)
        return fail(
          `invalid expression, 'value' field must contain exactly two elements for Op ${JSON.stringify(e.op)} (have ${describe(e)})`
        );
      const te = typeError(e);
      if (te) return fail(te);
      const integers = (e.type ?? "") === "";
      const { input, ref, compare } = reader(e);
      const r0 = ref(0);
      const r1 = ref(1);
      const range = `invalid expression, value[0] must be less than Value[1] for Op ${JSON.stringify(e.op)} (have ${describe(e)})`;
      const open = e.op === "GtLt";
      return (v) => {
        const l = input(v);
        const lo = compare(l, r0());
        const hi = compare(l, r1());
        if (integers && compare(r0(), r1()) >= 0) throw new ExpressionError(range);
        return open ? lo > 0 && hi < 0 : lo >= 0 && hi <= 0;
      };
    }
    case "IsTrue":
    case "IsFalse": {
      if (values.length) return fail(emptyValueError(e));
      const want = e.op === "IsTrue" ? "true" : "false";
      return (v) => v === want;
    }
  }
  return fail(`unsupported Op ${JSON.stringify(e.op)}`);
}
function reportedText(r) {
  return r.text ??= describe(r.expression);
}
function reported(e) {
  const expression = { op: e.op };
  if (e.value?.length) expression.value = Object.freeze([...e.value]);
  if (e.type) expression.type = e.type;
  return { expression: Object.freeze(expression), text: void 0 };
}
var COSTLY_OPS = /* @__PURE__ */ new Set(["InRegexp", "Gt", "Ge", "Lt", "Le", "GtLt", "GeLe"]);
function compile(e, id, report, source) {
  if (!KNOWN_OPS.has(e.op))
    return make(id, "value", `invalid Op ${JSON.stringify(e.op)}`, never, false, report, source);
  const kind = e.op === MATCH_ANY ? "any" : e.op === "Exists" ? "exists" : e.op === "DoesNotExist" ? "doesNotExist" : "value";
  if (kind !== "value")
    return make(id, kind, e.value?.length ? emptyValueError(e) : void 0, never, false, report, source);
  if ((e.op === "In" || e.op === "NotIn") && e.value?.length) {
    const members = distinct(report?.expression.value ?? [...e.value]);
    const lookup = members.length > 8 ? new Set(members) : void 0;
    return make(id, kind, void 0, void 0, false, report, source, members, lookup, e.op === "NotIn");
  }
  return make(id, kind, void 0, compileTest(e), COSTLY_OPS.has(e.op), report, source);
}
function make(id, kind, always, test, costly, reported2, source, members, lookup, negated) {
  return { id, kind, always, test, costly, members, lookup, negated, reported: reported2, source };
}
function distinct(values) {
  if (values.length > 8) return values.length === new Set(values).size ? values : [...new Set(values)];
  for (let i = 1; i < values.length; i++)
    if (values.lastIndexOf(values[i], i - 1) >= 0) return [...new Set(values)];
  return values;
}
var NO_VALUES = [];
function expressionHash(e) {
  const op = e.op;
  const type = e.type ?? "";
  const values = e.value ?? NO_VALUES;
  if (typeof op !== "string" || typeof type !== "string" || !Array.isArray(values)) return -1;
  let h = mixString(mixString(SEED, op), type);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "string") return -1;
    h = mixString(h, v);
  }
  return mixInt(h, values.length);
}
function alike(a, b) {
  if (a.op !== b.op || (a.type ?? "") !== (b.type ?? "")) return false;
  const av = a.value ?? NO_VALUES;
  const bv = b.value ?? NO_VALUES;
  if (!Array.isArray(bv) || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}
var ExpressionCompiler = class {
  compiled = new Buckets();
  features = /* @__PURE__ */ new Map();
  elements = /* @__PURE__ */ new Map();
  /** By expression number: the element first reported with it, and that pair's number (reportId). */
  firstElement = [];
  firstReport = [];
  /** The other pairs: by element, then expression number. */
  reports = /* @__PURE__ */ new Map();
  ids = 0;
  elementIds = 0;
  reportIds = 0;
  /** A number for an element (element()) with an expression compiled here (the same for the same pair). */
  reportId(element, c) {
    const first = this.firstElement[c.id];
    if (first === void 0) {
      this.firstElement[c.id] = element;
      return this.firstReport[c.id] = this.reportIds++;
    }
    if (first === element) return this.firstReport[c.id];
    let byExpression = this.reports.get(element);
    if (!byExpression) {
      byExpression = /* @__PURE__ */ new Map();
      this.reports.set(element, byExpression);
    }
    let id = byExpression.get(c.id);
    if (id === void 0) {
      id = this.reportIds++;
      byExpression.set(c.id, id);
    }
    return id;
  }
  /** A number for element `name` of feature `spelling` (the same for the same pair). */
  element(spelling, name) {
    let byName2 = this.elements.get(spelling);
    if (!byName2) {
      byName2 = /* @__PURE__ */ new Map();
      this.elements.set(spelling, byName2);
    }
    let id = byName2.get(name);
    if (id === void 0) {
      id = this.elementIds++;
      byName2.set(name, id);
    }
    return id;
  }
  feature(spelling) {
    let f = this.features.get(spelling);
    if (!f) {
      const dot = spelling.indexOf(".");
      const lower = spelling.toLowerCase();
      f = dot < 0 ? { lower, dom: lower, nam: "" } : { lower, dom: spelling.slice(0, dot), nam: spelling.slice(dot + 1) };
      this.features.set(spelling, f);
    }
    return f;
  }
  /** `h`: expressionHash(e), when the caller has it. */
  compile(e, h = expressionHash(e)) {
    if (h >= 0) {
      const table = this.compiled;
      for (let i = table.first(h); i >= 0; i = table.next(h, i))
        if (alike(table.at(i).source, e)) return table.at(i);
    }
    const c = compile(e, this.ids++, reported(e), e);
    if (h >= 0) this.compiled.add(h, c);
    return c;
  }
};
function evaluateCompiled(c, valid, value, memo) {
  if (c.always !== void 0) throw new ExpressionError(c.always);
  switch (c.kind) {
    case "any":
      return true;
    case "exists":
      return valid;
    case "doesNotExist":
      return !valid;
  }
  if (!valid || value === void 0) return false;
  return memo && c.costly ? memo.test(c, value) : testValue(c, value);
}

// src/match/host.ts
var DIRECT_INSTANCES = 32;
var InstanceIndex = class {
  constructor(elements) {
    this.elements = elements;
    this.size = elements.length;
  }
  elements;
  size;
  attrs;
  groups;
  scratch;
  nothing;
  empty() {
    return new Uint32Array(this.size + 31 >>> 5);
  }
  all() {
    const b = this.empty();
    b.fill(4294967295);
    if (this.size & 31) b[b.length - 1] = (1 << (this.size & 31)) - 1;
    return b;
  }
  /** The verdict that holds nowhere (an empty set never written to), one for every such verdict. */
  nowhere() {
    return this.nothing ??= { match: this.empty(), any: false };
  }
  /** all(), in one buffer reused by every call: valid until the next call. */
  allScratch() {
    if (!this.scratch) this.scratch = this.all();
    else {
      this.scratch.fill(4294967295);
      if (this.size & 31) this.scratch[this.scratch.length - 1] = (1 << (this.size & 31)) - 1;
    }
    return this.scratch;
  }
  attribute(name) {
    let a = this.attrs?.get(name);
    if (!a) {
      const present = this.empty();
      const values = /* @__PURE__ */ new Map();
      const distinct2 = [];
      const holders = [];
      for (let i = 0; i < this.size; i++) {
        const attrs = this.elements[i].attributes;
        if (!attrs || !Object.hasOwn(attrs, name)) continue;
        present[i >>> 5] |= 1 << (i & 31);
        const v = attrs[name];
        if (v === void 0) continue;
        const list = values.get(v);
        if (list) list.push(i);
        else {
          const l = [i];
          values.set(v, l);
          distinct2.push(v);
          holders.push(l);
        }
      }
      a = { name, present, values, distinct: distinct2, holders, verdicts: [] };
      (this.attrs ??= /* @__PURE__ */ new Map()).set(name, a);
    }
    return a;
  }
  /** The attribute's distinct values across instances, first appearance first (hostValuesOf's order). */
  valuesOf(name) {
    return this.attribute(name).distinct.slice();
  }
  /** The expression on attribute `name` of every instance, as NFD's evaluateMatchExpression. */
  verdict(name, c) {
    const a = this.attribute(name);
    if (c.id < 0) return this.decide(a, c);
    return a.verdicts[c.id] ??= this.decide(a, c);
  }
  decide(a, c) {
    if (c.always !== void 0) {
      const message = c.always;
      return { match: this.empty(), any: false, errors: this.all(), errorAt: () => message };
    }
    if (c.kind === "any") return { match: this.all(), any: this.size > 0 };
    if (c.kind === "exists") return { match: a.present, any: a.present.some((w) => w !== 0) };
    if (c.kind === "doesNotExist") {
      const match2 = this.all();
      for (let w = 0; w < match2.length; w++) match2[w] &= ~a.present[w];
      return { match: match2, any: match2.some((w) => w !== 0) };
    }
    if (c.members && !c.negated) {
      const wanted = c.members;
      let match2;
      for (let m = 0; m < wanted.length; m++) {
        const members = a.values.get(wanted[m]);
        if (!members) continue;
        match2 ??= this.empty();
        for (let k = 0; k < members.length; k++) match2[members[k] >>> 5] |= 1 << (members[k] & 31);
      }
      return match2 ? { match: match2, any: true } : this.nowhere();
    }
    const match = this.empty();
    let any = false;
    let errors;
    let messages;
    for (let d = 0; d < a.distinct.length; d++) {
      const value = a.distinct[d];
      const members = a.holders[d];
      let holds;
      try {
        holds = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        errors ??= this.empty();
        (messages ??= /* @__PURE__ */ new Map()).set(value, err.message);
        for (let k = 0; k < members.length; k++) errors[members[k] >>> 5] |= 1 << (members[k] & 31);
        continue;
      }
      if (!holds) continue;
      any = true;
      for (let k = 0; k < members.length; k++) match[members[k] >>> 5] |= 1 << (members[k] & 31);
    }
    if (!errors) return { match, any };
    return { match, any, errors, errorAt: (i) => messages.get(this.elements[i].attributes[a.name]) };
  }
  /** The instances' attribute names, grouped by identical lists, groups in first-member order. */
  nameGroups() {
    if (!this.groups) {
      const byList = /* @__PURE__ */ new Map();
      this.groups = [];
      this.elements.forEach((inst, i) => {
        const names = Object.keys(inst.attributes ?? {});
        const key = JSON.stringify(names);
        let g = byList.get(key);
        if (!g) {
          g = { names, members: [] };
          byList.set(key, g);
          this.groups.push(g);
        }
        g.members.push(i);
      });
    }
    return this.groups;
  }
};
function firstBit(b) {
  for (let w = 0; w < b.length; w++) {
    const x = b[w];
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
  }
  return -1;
}
function nextBit(b, from) {
  let w = from >>> 5;
  if (w >= b.length) return -1;
  let x = b[w] & ~0 << (from & 31);
  for (; ; ) {
    if (x !== 0) return (w << 5) + (31 - Math.clz32(x & -x));
    if (++w >= b.length) return -1;
    x = b[w];
  }
}
function andInto(a, b) {
  for (let w = 0; w < a.length; w++) a[w] &= b[w];
}
function own(obj, key) {
  return obj && Object.hasOwn(obj, key) ? obj[key] : void 0;
}
function assignOwn(out, from) {
  const keys = Object.keys(from);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === "__proto__")
      Object.defineProperty(out, k, { value: from[k], enumerable: true, writable: true, configurable: true });
    else out[k] = from[k];
  }
}
var NO_VALUES2 = Object.freeze([]);
function hostValuesOf(features, feature, name) {
  return valuesIn(
    own(features.flags, feature)?.elements,
    own(features.attributes, feature)?.elements,
    own(features.instances, feature)?.elements,
    name
  );
}
function valuesIn(flags, attrs, insts, name) {
  const flag = flags !== void 0 && Object.hasOwn(flags, name);
  const attr = attrs !== void 0 && Object.hasOwn(attrs, name);
  if (!insts) {
    if (!attr) return flag ? [name] : NO_VALUES2;
    return flag && attrs[name] !== name ? [name, attrs[name]] : [attrs[name]];
  }
  const out = new Array(insts.length + 2);
  let n = 0;
  if (flag) out[n++] = name;
  if (attr && !(flag && attrs[name] === name)) out[n++] = attrs[name];
  const seen = insts.length > DIRECT_INSTANCES ? new Set(out.slice(0, n)) : void 0;
  for (let i = 0; i < insts.length; i++) {
    const a = insts[i].attributes;
    if (!a || !Object.hasOwn(a, name)) continue;
    const v = a[name];
    if (seen ? seen.has(v) : among(out, n, v)) continue;
    seen?.add(v);
    out[n++] = v;
  }
  if (n === 0) return NO_VALUES2;
  out.length = n;
  return out;
}
function among(xs, n, v) {
  for (let i = 0; i < n; i++) if (xs[i] === v) return true;
  return false;
}
var HostIndex = class {
  /** `features`: the host's, as given (not the working copy with rule.matched). */
  constructor(features) {
    this.features = features;
  }
  features;
  // Created on first use: a host that a spec barely looks at (many small hosts) pays for none.
  instanceIndexes;
  /** By element number (ExpressionCompiler.element). */
  hostValueCache = [];
  /** Costly expressions' verdicts on this host's values: true, false, or NFD's error message. */
  verdicts;
  /** The index of an instance feature's elements (the host's; rule.matched is never an instance feature). */
  instances(feature, elements) {
    let ix = this.instanceIndexes?.get(feature);
    if (!ix || ix.elements !== elements) {
      ix = new InstanceIndex(elements);
      (this.instanceIndexes ??= /* @__PURE__ */ new Map()).set(feature, ix);
    }
    return ix;
  }
  /** testValue(c, value), remembered (flag, attribute and element names repeat from rule to rule). */
  test(c, value) {
    let byValue = this.verdicts?.get(c);
    if (!byValue) {
      byValue = /* @__PURE__ */ new Map();
      (this.verdicts ??= /* @__PURE__ */ new Map()).set(c, byValue);
    }
    let v = byValue.get(value);
    if (v === void 0) {
      try {
        v = testValue(c, value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        v = err.message;
      }
      byValue.set(value, v);
    }
    if (typeof v === "string") throw new ExpressionError(v);
    return v;
  }
  /**
   * hostValuesOf the host's features, computed once per element and shared (frozen once shared); `element`:
   * the compiler's number for (feature, name).
   */
  hostValues(feature, name, element) {
    const v = this.hostValueCache[element];
    if (v) return Object.isFrozen(v) ? v : Object.freeze(v);
    const f = this.features;
    const flags = own(f.flags, feature)?.elements;
    const attrs = own(f.attributes, feature)?.elements;
    const insts = own(f.instances, feature)?.elements;
    const values = insts && insts.length > DIRECT_INSTANCES && !flags && !attrs ? this.instances(feature, insts).valuesOf(name) : valuesIn(flags, attrs, insts, name);
    this.hostValueCache[element] = values;
    return values;
  }
};

// src/match/terms.ts
var TermError = class extends Error {
  constructor(message, feature, key) {
    super(message);
    this.feature = feature;
    this.key = key;
  }
  feature;
  key;
};
var TermCompiler = class extends ExpressionCompiler {
  terms = new Buckets();
  termIds = 0;
  /**
   * By place in a list: the interned term met there last. Rules repeat the terms of the rule
   * before them; one comparison recognises such a term without hashing it.
   */
  last = [];
  /**
   * By compiled expression number: the last entry made for it (an entry depends only on the
   * expression, its element and its place), for the next term that has it at the same place.
   */
  entries = [];
  /** The expression hashes of the term being hashed (written over, never emptied), for compileTerm. */
  hashes = [];
  /** Compiles the `index`th term of a list. */
  term(term, index) {
    const prev = this.last[index];
    if (prev && sameTerm(prev, term, index)) return prev;
    const exprs = term.matchExpressions;
    let plain = true;
    let n = 0;
    let h = mixString(mixInt(SEED, index), term.feature);
    if (exprs) {
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const eh = expressionHash(exprs[name]);
        this.hashes[n] = eh;
        if (eh < 0) plain = false;
        h = mixInt(mixString(h, name), eh);
        n++;
      }
    }
    const mh = term.matchName ? expressionHash(term.matchName) : -2;
    if (mh === -1) plain = false;
    h = mixInt(mixInt(h, exprs ? n : -1), mh);
    if (plain) {
      const table = this.terms;
      for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
        if (sameTerm(table.at(i), term, index)) return this.last[index] = table.at(i);
      }
    }
    const out = this.compileTerm(term, index, n);
    if (plain) {
      this.terms.add(h, out);
      this.last[index] = out;
    }
    return out;
  }
  /** A new compiled term of `n` expressions: its entries made in one pass, nothing else allocated. */
  compileTerm(term, index, n) {
    const exprs = term.matchExpressions;
    const spelling = term.feature;
    const { lower, dom, nam } = this.feature(spelling);
    let expressions;
    if (exprs) {
      expressions = new Array(n);
      let k = 0;
      for (const name in exprs) {
        if (!Object.hasOwn(exprs, name)) continue;
        const c = this.compile(exprs[name], this.hashes[k]);
        const element = this.element(spelling, name);
        const known = this.entries[c.id];
        expressions[k] = known && known.term === index && known.slot === k && known.element === element ? known : this.entries[c.id] = entry(
          index,
          k,
          spelling,
          lower,
          name,
          element,
          this.reportId(element, c),
          c
        );
        k++;
      }
    }
    const mn = term.matchName;
    return {
      source: term,
      id: this.termIds++,
      feature: lower,
      dom,
      nam,
      index,
      expressions,
      matchName: mn ? entry(index, n, spelling, lower, void 0, -1, -1, this.compile(mn)) : void 0,
      lists: 0
    };
  }
};
function entry(term, slot, feature, lower, name, element, report, compiled) {
  const expression = compiled.reported.expression;
  return { term, slot, feature, lower, name, element, report, expression, compiled };
}
function sameTerm(c, term, index) {
  if (c.index !== index || c.source.feature !== term.feature) return false;
  const mn = term.matchName;
  if (c.matchName ? !mn || !alike(c.matchName.expression, mn) : mn) return false;
  const exprs = c.expressions;
  const mine = term.matchExpressions;
  if (!exprs || !mine) return !exprs && !mine;
  let k = 0;
  for (const name in mine) {
    if (!Object.hasOwn(mine, name)) continue;
    if (k >= exprs.length || exprs[k].name !== name || !alike(exprs[k].expression, mine[name]))
      return false;
    k++;
  }
  return k === exprs.length;
}
function byName(elems) {
  return elems.sort((a, b) => a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0);
}
function termSlots(term) {
  return (term.expressions?.length ?? 0) + 1;
}
function matchInstances(term, index, failFast, held, base, elems) {
  const exprs = term.expressions;
  const candidates = index.allScratch();
  let errorAt = -1;
  let error = "";
  for (let k = 0; k < exprs.length; k++) {
    const v = index.verdict(exprs[k].name, exprs[k].compiled);
    if (v.errors) {
      let first;
      if (failFast) {
        const reached = v.errors.slice();
        andInto(reached, candidates);
        first = firstBit(reached);
      } else first = firstBit(v.errors);
      if (first >= 0 && (errorAt < 0 || first < errorAt)) {
        errorAt = first;
        error = v.errorAt(first);
      }
    }
    andInto(candidates, v.match);
  }
  if (errorAt >= 0) throw new ExpressionError(error);
  let count = 0;
  for (let i = firstBit(candidates); i >= 0; i = nextBit(candidates, i + 1)) {
    count++;
    if (elems) elems.push(index.elements[i].attributes ?? {});
  }
  for (let k = 0; k < exprs.length; k++) {
    if (failFast ? count > 0 : index.verdict(exprs[k].name, exprs[k].compiled).any) held[base + k] = true;
  }
  return count;
}
function matchInstancesDirect(term, elements, failFast, held, base, elems) {
  const exprs = term.expressions;
  let count = 0;
  for (let i = 0; i < elements.length; i++) {
    const attrs = elements[i].attributes;
    let all = true;
    for (let k = 0; k < exprs.length; k++) {
      const { name, compiled } = exprs[k];
      const has = attrs !== void 0 && attrs !== null && Object.hasOwn(attrs, name);
      if (evaluateCompiled(compiled, has, has ? attrs[name] : void 0)) {
        if (!failFast) held[base + k] = true;
      } else {
        all = false;
        if (failFast) break;
      }
    }
    if (all) {
      count++;
      if (elems) elems.push(attrs ?? {});
    }
  }
  if (failFast && count > 0) for (let k = 0; k < exprs.length; k++) held[base + k] = true;
  return count;
}
function matchMulti(host, term, keys, values, instances, failFast, held, base, elems) {
  const exprs = term.expressions;
  let current;
  try {
    let isMatch = keys !== void 0 || values !== void 0;
    for (let k = 0; k < exprs.length; k++) {
      const { name, expression: e, compiled: c } = exprs[k];
      current = name;
      let matchK = false;
      let matchV = false;
      let failed = false;
      if (keys) {
        matchK = evaluateCompiled(c, Object.hasOwn(keys, name), void 0, host);
        if (matchK) {
          if (elems) elems.push({ Name: name });
          held[base + k] = true;
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (values && !failed) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateCompiled(c, has, has ? values[name] : void 0, host);
        if (matchV) {
          if (elems) elems.push({ Name: name, Value: has ? values[name] : "" });
          held[base + k] = true;
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (failed || !matchK && !matchV) {
        isMatch = false;
        if (!failFast) continue;
        if (elems) elems.length = 0;
        held.fill(false, base, base + exprs.length);
        break;
      }
    }
    if (elems && elems.length > 1) byName(elems);
    current = void 0;
    const matchedInstances = !instances?.size ? 0 : instances.size <= DIRECT_INSTANCES ? matchInstancesDirect(term, instances.elements, failFast, held, base, elems) : matchInstances(term, instances, failFast, held, base, elems);
    return isMatch || matchedInstances > 0;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, current);
    throw err;
  }
}
function matchNames(host, term, keys, values, instances, found, elems) {
  const c = term.matchName.compiled;
  try {
    const names = /* @__PURE__ */ new Set();
    const start = elems?.length ?? 0;
    let count = 0;
    if (keys) {
      const ks = Object.keys(keys);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i];
        if (evaluateCompiled(c, true, k, host)) {
          count++;
          if (elems) elems.push({ Name: k });
          names.add(k);
        }
      }
    }
    if (values) {
      const ks = Object.keys(values);
      for (let i = 0; i < ks.length; i++) {
        const k = ks[i];
        if (evaluateCompiled(c, true, k, host)) {
          count++;
          if (elems) elems.push({ Name: k, Value: values[k] });
          names.add(k);
        }
      }
    }
    if (elems && elems.length - start > 1) {
      const mine = byName(elems.splice(start));
      for (let i = 0; i < mine.length; i++) elems.push(mine[i]);
    }
    if (instances?.size) {
      const matching = instances.empty();
      for (const g of instances.nameGroups()) {
        let any = false;
        for (const k of g.names) {
          if (evaluateCompiled(c, true, k, host)) {
            any = true;
            names.add(k);
          }
        }
        if (any) for (const i of g.members) matching[i >>> 5] |= 1 << (i & 31);
      }
      for (let i = firstBit(matching); i >= 0; i = nextBit(matching, i + 1)) {
        count++;
        if (elems) elems.push(instances.elements[i].attributes);
      }
    }
    for (const n of names) found.push(n);
    return count;
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, void 0);
    throw err;
  }
}
function termOutcome(host, term, keys, values, instances, failFast) {
  const held = new Array(termSlots(term)).fill(false);
  let isTermMatch = true;
  if (term.expressions)
    isTermMatch = matchMulti(host, term, keys, values, instances, failFast, held, 0, void 0);
  let found;
  if (isTermMatch && term.matchName) {
    found = [];
    isTermMatch = matchNames(host, term, keys, values, instances, found, void 0) > 0;
    if (isTermMatch) held[held.length - 1] = true;
  }
  return { held, found, isTermMatch };
}
var NOT_GATHERED = /* @__PURE__ */ new Map();
function statusOf(isMatch, held, names, matchedFeatures) {
  return { isMatch, held, names, matchedFeatures };
}
function evaluateCompiledTerms(terms, features, host, failFast = false, gather = true, memo) {
  let isMatch = true;
  let isTermMatch = true;
  let slots = 0;
  for (let k = 0; k < terms.length; k++) slots += termSlots(terms[k]);
  const held = new Array(slots).fill(false);
  const names = new Array(terms.length);
  const matchedFeatures = gather ? /* @__PURE__ */ new Map() : NOT_GATHERED;
  let base = 0;
  for (let k = 0; k < terms.length; k++) {
    const term = terms[k];
    const termBase = base;
    base += termSlots(term);
    const { feature, dom, nam } = term;
    if (gather && !matchedFeatures.has(dom)) matchedFeatures.set(dom, /* @__PURE__ */ new Map());
    const flags = own(features.flags, feature);
    const attrs = own(features.attributes, feature);
    const insts = own(features.instances, feature);
    if (!flags && !attrs && !insts) {
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
      continue;
    }
    const keys = flags?.elements ?? void 0;
    const values = attrs?.elements ?? void 0;
    const instances = insts?.elements ? host.instances(feature, insts.elements) : void 0;
    if (memo && term.lists > 1 && !gather && feature !== "rule.matched" && (term.expressions || isTermMatch)) {
      const o = memo[term.id] ??= termOutcome(host, term, keys, values, instances, failFast);
      const oh = o.held;
      for (let s = 0; s < oh.length; s++) if (oh[s]) held[termBase + s] = true;
      if (o.found) names[k] = o.found;
      isTermMatch = o.isTermMatch;
    } else {
      const elems = gather ? [] : void 0;
      if (term.expressions)
        isTermMatch = matchMulti(host, term, keys, values, instances, failFast, held, termBase, elems);
      if (isTermMatch && term.matchName) {
        const found = [];
        isTermMatch = matchNames(host, term, keys, values, instances, found, elems) > 0;
        names[k] = found;
        if (isTermMatch) held[base - 1] = true;
      }
      if (elems) {
        const byFeature = matchedFeatures.get(dom);
        const prev = byFeature.get(nam);
        byFeature.set(nam, prev ? [...prev, ...elems] : elems);
      }
    }
    if (!isTermMatch) {
      if (failFast) return statusOf(false, held, names, matchedFeatures);
      isMatch = false;
    }
  }
  return statusOf(isMatch, held, names, matchedFeatures);
}

// src/match/plan.ts
var NONE = Object.freeze([]);
var Planner = class {
  /** The first slot of each term of the list being planned (checks). */
  bases = [];
  /** By slot number: the frozen [slot] that the checks of lists share. */
  singles = [];
  /** The last list planned whose plan follows from its layout alone (byLayout), and its plan. */
  template;
  plan(terms) {
    const t = this.template;
    if (t && sameLayout(t.terms, terms))
      return { entries: planLike(t.plan.entries, terms), checks: t.plan.checks };
    const entries = reportPlan(terms);
    const plan = { entries, checks: this.checks(entries, terms) };
    this.template = byLayout(entries, terms) ? { terms, plan } : void 0;
    return plan;
  }
  /**
   * Per entry of a list's plan, its checks (checksOf). In a list whose terms all have distinct
   * features (nearly every list), an entry's only check is its own slot: those are computed
   * directly and shared (one frozen [slot] per slot number).
   */
  checks(plan, terms) {
    const out = new Array(plan.length);
    if (!distinctFeatures(terms)) {
      for (let i = 0; i < plan.length; i++) out[i] = checksOf(plan[i], terms);
      return out;
    }
    const bases = this.bases;
    let base = 0;
    for (let k = 0; k < terms.length; k++) {
      bases[k] = base;
      base += termSlots(terms[k]);
    }
    for (let i = 0; i < plan.length; i++) {
      const entry2 = plan[i];
      const own2 = terms[entry2.term];
      out[i] = entry2.feature === own2.feature && sameExpression(entry2.expression, entry2.expression) ? this.singles[bases[entry2.term] + entry2.slot] ??= Object.freeze([
        bases[entry2.term] + entry2.slot
      ]) : NONE;
    }
    return out;
  }
};
function byLayout(plan, terms) {
  if (!distinctFeatures(terms)) return false;
  for (let i = 0; i < plan.length; i++) {
    const e = plan[i];
    if (!sameExpression(e.expression, e.expression)) return false;
    if (i > 0 && plan[i - 1].feature === e.feature && (plan[i - 1].name ?? "") === (e.name ?? ""))
      return false;
  }
  return true;
}
function sameLayout(a, b) {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k];
    const y = b[k];
    if (x.source.feature !== y.source.feature || !x.matchName !== !y.matchName) return false;
    if (y.matchName && !sameExpression(y.matchName.expression, y.matchName.expression)) return false;
    const xe = x.expressions;
    const ye = y.expressions;
    if (!xe || !ye) {
      if (xe !== ye) return false;
      continue;
    }
    if (xe.length !== ye.length) return false;
    for (let j = 0; j < xe.length; j++)
      if (xe[j].name !== ye[j].name || !sameExpression(ye[j].expression, ye[j].expression)) return false;
  }
  return true;
}
function planLike(template, terms) {
  const out = new Array(template.length);
  for (let i = 0; i < template.length; i++) {
    const p = template[i];
    const t = terms[p.term];
    out[i] = p.name === void 0 ? t.matchName : t.expressions[p.slot];
  }
  return out;
}
function distinctFeatures(terms) {
  for (let i = 1; i < terms.length; i++)
    for (let j = 0; j < i; j++) if (terms[i].feature === terms[j].feature) return false;
  return true;
}
function sameExpression(a, b) {
  const av = a.value ?? NONE;
  const bv = b.value ?? NONE;
  if (a.op !== b.op || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}
function reportPlan(terms) {
  let count = 0;
  for (let k = 0; k < terms.length; k++) count += termSlots(terms[k]) - (terms[k].matchName ? 0 : 1);
  const out = new Array(count);
  let at = 0;
  for (let k = 0; k < terms.length; k++) {
    const exprs = terms[k].expressions ?? NONE;
    for (let j = 0; j < exprs.length; j++) out[at++] = exprs[j];
    if (terms[k].matchName) out[at++] = terms[k].matchName;
  }
  for (let i = 1; i < out.length; i++) {
    const x = out[i];
    let j = i - 1;
    while (j >= 0 && after(out[j], x)) {
      out[j + 1] = out[j];
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}
function after(a, b) {
  if (a.feature !== b.feature) return a.feature > b.feature;
  const an = a.name ?? "";
  const bn = b.name ?? "";
  if (an !== bn) return an > bn;
  return reportedText(a.compiled.reported) > reportedText(b.compiled.reported);
}
function checksOf(entry2, terms) {
  let out;
  let base = 0;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k];
    if (entry2.feature === t.feature) {
      if (entry2.name === void 0) {
        if (t.matchName && sameExpression(entry2.expression, t.matchName.expression))
          out = out ? [...out, base + termSlots(t) - 1] : [base + termSlots(t) - 1];
      } else {
        const exprs = t.expressions ?? NONE;
        for (let j = 0; j < exprs.length; j++) {
          const x = exprs[j];
          if (x.name === entry2.name && sameExpression(entry2.expression, x.expression))
            out = out ? [...out, base + j] : [base + j];
        }
      }
    }
    base += termSlots(t);
  }
  return out ?? NONE;
}

// src/match/rule.ts
var NONE2 = Object.freeze([]);
var RuleCompiler = class extends TermCompiler {
  lists = new Buckets();
  listIds = 0;
  /** The terms of the list being compiled (one array for every call: the first list.length). */
  listScratch = [];
  planner = new Planner();
  list(list) {
    const terms = this.listScratch;
    const n = list?.length ?? 0;
    let h = SEED;
    for (let i = 0; i < n; i++) {
      const t = this.term(list[i], i);
      terms[i] = t;
      h = mixInt(h, t.id);
    }
    h = mixInt(h, n);
    const table = this.lists;
    for (let i = table.first(h); i >= 0; i = table.next(h, i)) {
      const c2 = table.at(i);
      if (sameTerms(c2.terms, terms, n)) return c2;
    }
    const own2 = terms.slice(0, n);
    for (let i = 0; i < n; i++) own2[i].lists++;
    const { entries, checks } = this.planner.plan(own2);
    const c = {
      id: this.listIds++,
      terms: own2,
      plan: entries,
      checks,
      backref: readsBackref(own2)
    };
    this.lists.add(h, c);
    return c;
  }
};
function readsBackref(terms) {
  for (let i = 0; i < terms.length; i++) if (terms[i].feature === "rule.matched") return true;
  return false;
}
function sameTerms(a, b, n) {
  if (a.length !== n) return false;
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}
function compileRule(rule, compiler = new RuleCompiler()) {
  return {
    source: rule,
    matchAny: rule.matchAny?.length ? rule.matchAny.map((elem) => compiler.list(elem.matchFeatures)) : NONE2,
    matchFeatures: rule.matchFeatures?.length ? compiler.list(rule.matchFeatures) : void 0
  };
}
function anyResult(m) {
  return { matchedExpressions: m.length ? m : null };
}
function shared(x) {
  return Object.isFrozen(x) ? x : Object.freeze(x);
}
function sharedReport(report) {
  if (Object.isFrozen(report)) return report;
  for (let i = 0; i < report.length; i++) Object.freeze(report[i]);
  return Object.freeze(report);
}
var ListOutcomes = class {
  /** `backref`: the evaluation's rule.matched (none: the host's features as they are, for every list). */
  constructor(host, failFast, backref) {
    this.host = host;
    this.failFast = failFast;
    this.backref = backref;
  }
  host;
  failFast;
  backref;
  byId = [];
  /** Report entries shared across lists (reportTerms). */
  entries = [];
  /** Terms shared across lists, decided once (evaluateCompiledTerms). */
  terms = [];
  /** The features a list reads: with the evaluation's rule.matched when it reads that. */
  features(list) {
    return list.backref && this.backref ? this.backref.features() : this.host.features;
  }
  outcome(list) {
    let o = this.byId[list.id];
    if (!o) {
      o = {};
      this.byId[list.id] = o;
    }
    return o;
  }
  status(list, gather) {
    if (list.backref) return this.evaluate(list, gather);
    const o = this.outcome(list);
    if (gather) return o.gathered ??= this.evaluate(list, true);
    return o.plain ??= this.evaluate(list, false);
  }
  evaluate(list, gather) {
    return evaluateCompiledTerms(
      list.terms,
      this.features(list),
      this.host,
      this.failFast,
      gather,
      this.terms
    );
  }
  /**
   * The status of a rule with no matchAny whose matchFeatures `list` failed with `status`: one
   * for every such rule (read-only), as most rules of a big spec fail alike.
   */
  failed(list, status) {
    if (list.backref) return { isMatch: false, matchFeatures: status, matchAny: NONE2 };
    const o = this.outcome(list);
    if (o.failed?.matchFeatures !== status)
      o.failed = { isMatch: false, matchFeatures: status, matchAny: NONE2 };
    return o.failed;
  }
  /** report() as a matchAny element's entry (null for no expressions, as NFD). */
  any(list, status) {
    if (list.backref) return anyResult(this.report(list, status));
    const o = this.outcome(list);
    const r = status ? o.any : o.anyUnevaluated;
    if (r) return shared(r);
    const made = anyResult(this.report(list, status));
    if (status) o.any = made;
    else o.anyUnevaluated = made;
    return made;
  }
  /** The list's report; `status` is this.status(list, ...) or undefined (not evaluated). */
  report(list, status) {
    if (list.backref) return reportTerms(list, status, this.features(list), this.host, this.terms);
    const o = this.outcome(list);
    const r = status ? o.report : o.unevaluated;
    if (r) return sharedReport(r);
    const made = reportTerms(list, status, this.features(list), this.host, this.terms, this.entries);
    if (status) o.report = made;
    else o.unevaluated = made;
    return made;
  }
};
function executeCompiledRule(compiled, outcomes) {
  const rule = compiled.source;
  const failFast = outcomes.failFast;
  const lists = compiled.matchAny;
  const matchAny = lists.length ? new Array(lists.length) : NONE2;
  let recorded = 0;
  let vars;
  const template = rule.varsTemplate ?? "";
  let isMatchAny = false;
  if (lists.length) {
    for (let i = 0; i < lists.length; i++) {
      const status = outcomes.status(lists[i], template !== "");
      if (status.isMatch) {
        isMatchAny = true;
        if (template === "" && failFast) break;
        if (template !== "") assignOwn(vars ??= {}, expandVarsTemplate(template, status.matchedFeatures));
      }
      matchAny[recorded++] = status;
    }
    if (recorded < lists.length) matchAny.length = recorded;
    if (!isMatchAny && failFast) return { isMatch: false, matchAny };
  }
  let matchFeatures;
  if (compiled.matchFeatures) {
    matchFeatures = outcomes.status(compiled.matchFeatures, template !== "");
    if (!matchFeatures.isMatch)
      return lists.length ? { isMatch: false, matchFeatures, matchAny } : outcomes.failed(compiled.matchFeatures, matchFeatures);
    if (template !== "")
      assignOwn(vars ??= {}, expandVarsTemplate(template, matchFeatures.matchedFeatures));
  }
  vars ??= {};
  if (rule.vars) assignOwn(vars, rule.vars);
  const isMatch = !lists.length || isMatchAny;
  return matchFeatures ? { isMatch, matchFeatures, matchAny, vars } : { isMatch, matchAny, vars };
}
function anyHeld(held, slots) {
  for (let i = 0; i < slots.length; i++) if (held[slots[i]]) return true;
  return false;
}
function reportTerms(list, status, features, host, memo, shared2) {
  const { plan, checks } = list;
  const out = new Array(plan.length);
  for (let i = 0; i < plan.length; i++) {
    const entry2 = plan[i];
    const isMatch = status !== void 0 && anyHeld(status.held, checks[i]);
    const name = entry2.name;
    if (name === void 0) {
      out[i] = nameEntry(entry2, isMatch, status?.names[entry2.term], memo[list.terms[entry2.term].id]);
      continue;
    }
    const at = shared2 ? entry2.report * 2 + (isMatch ? 1 : 0) : -1;
    const known = at >= 0 ? shared2[at] : void 0;
    if (known) {
      out[i] = Object.isFrozen(known) ? known : Object.freeze(known);
      continue;
    }
    const made = {
      feature: entry2.feature,
      name,
      expression: entry2.compiled.reported.expression,
      matcherType: "matchExpression",
      isMatch,
      // rule.matched grows rule by rule: read from the working copy each time.
      hostValues: entry2.lower === "rule.matched" ? hostValuesOf(features, entry2.lower, name) : host.hostValues(entry2.lower, name, entry2.element)
    };
    if (at >= 0) shared2[at] = made;
    out[i] = made;
  }
  return out;
}
function nameEntry(entry2, isMatch, found, o) {
  const theirs = o !== void 0 && found !== void 0 && o.found === found;
  const known = theirs ? isMatch ? o.matched : o.unmatched : void 0;
  if (known) {
    if (!Object.isFrozen(known)) {
      Object.freeze(known.hostValues);
      Object.freeze(known);
    }
    return known;
  }
  const made = {
    feature: entry2.feature,
    name: "",
    expression: entry2.compiled.reported.expression,
    matcherType: "matchName",
    isMatch,
    hostValues: [...found ?? []]
  };
  if (theirs) {
    if (isMatch) o.matched = made;
    else o.unmatched = made;
  }
  return made;
}
function reportCompiledRule(compiled, status, outcomes) {
  const out = { name: compiled.source.name, isMatch: status.isMatch };
  if (compiled.matchFeatures) {
    const mf = outcomes.report(compiled.matchFeatures, status.matchFeatures);
    if (mf.length) out.matchedExpressions = mf;
  }
  const lists = compiled.matchAny;
  if (lists.length) {
    const any = new Array(lists.length);
    for (let i = 0; i < lists.length; i++) any[i] = outcomes.any(lists[i], status.matchAny[i]);
    out.matchedAny = any;
  }
  return out;
}

// src/match/backref.ts
var Backref = class {
  /** `host`: the host's features, as given (never written to). */
  constructor(host) {
    this.host = host;
  }
  host;
  /** Whether a rule has been evaluated: from then on rule.matched exists. */
  started = false;
  elements;
  working;
  /** The features as a list reading rule.matched sees them now. */
  features() {
    if (!this.started) return this.host;
    if (!this.working) {
      const attributes = { ...this.host.attributes ?? {} };
      attributes["rule.matched"] = { elements: this.own() };
      this.working = { ...this.host, attributes };
    }
    return this.working;
  }
  /** After each rule: its vars (NFD's rule output) join rule.matched. */
  add(vars) {
    this.started = true;
    if (vars && Object.keys(vars).length) assignOwn(this.own(), vars);
  }
  /** rule.matched's elements, copied once from the host's (if any), then grown in place. */
  own() {
    return this.elements ??= { ...this.host.attributes?.["rule.matched"]?.elements ?? {} };
  }
};

// src/match/index.ts
function selectSets(spec, tags) {
  return spec.compatibilities.map((set, index) => ({ set, index })).filter(({ set }) => !tags?.length || tags.includes(set.tag ?? ""));
}
function setLabel(set, index) {
  return set.tag ? `#${index + 1} (tag ${JSON.stringify(set.tag)})` : `#${index + 1}`;
}
var CompiledSpec = class {
  constructor(spec) {
    this.spec = spec;
  }
  spec;
  sets = [];
  compiler = new RuleCompiler();
  rules(index) {
    return this.sets[index] ??= this.spec.compatibilities[index].rules.map(
      (r) => compileRule(r, this.compiler)
    );
  }
};
function compileSpec(spec) {
  return new CompiledSpec(spec);
}
function evaluateSpec(spec, features, opts = {}) {
  const compiled = spec instanceof CompiledSpec ? spec : new CompiledSpec(spec);
  const host = new HostIndex(features);
  const backref = new Backref(features);
  const outcomes = new ListOutcomes(host, opts.failFast ?? false, backref);
  const results = [];
  const sets = compiled.spec.compatibilities;
  const tags = opts.tags?.length ? opts.tags : void 0;
  const reports = opts.reports ?? true;
  for (let index = 0; index < sets.length; index++) {
    const set = sets[index];
    if (tags && !tags.includes(set.tag ?? "")) continue;
    const rules = compiled.rules(index);
    const result = { rules: new Array(rules.length) };
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r];
      let status;
      try {
        status = executeCompiledRule(rule, outcomes);
      } catch (err) {
        throw evaluationError(err, set, index, rule.source.name);
      }
      result.rules[r] = reports ? reportCompiledRule(rule, status, outcomes) : { name: rule.source.name, isMatch: status.isMatch };
      backref.add(status.vars);
    }
    if (set.description) result.description = set.description;
    if (set.weight) result.weight = set.weight;
    if (set.tag) result.tag = set.tag;
    results.push(result);
  }
  return results;
}
function evaluationError(err, set, index, rule) {
  if (err instanceof TemplateError) {
    return new EvaluationError(
      `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule)}: varsTemplate: ${err.message}`,
      { set: set.tag ?? `#${index + 1}`, rule }
    );
  }
  if (!(err instanceof TermError)) return err;
  const where = err.key !== void 0 ? `feature ${err.feature}, element ${JSON.stringify(err.key)}` : `feature ${err.feature}, matchName`;
  return new EvaluationError(
    `compatibility set ${setLabel(set, index)}, rule ${JSON.stringify(rule)}: ${where}: ${err.message}`,
    { set: set.tag ?? `#${index + 1}`, rule, feature: err.feature, key: err.key }
  );
}
function isCompatible(results) {
  return results.some((r) => r.rules.every((rule) => rule.isMatch));
}

export {
  selectSets,
  compileSpec,
  evaluateSpec,
  isCompatible
};
