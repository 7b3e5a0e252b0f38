import {
  TemplateError,
  expandVarsTemplate
} from "./chunk-YK43ATAL.js";
import {
  compareVersions,
  compileRE2,
  parseGoIntFast,
  parseVersion
} from "./chunk-OFVKHENY.js";
import {
  MATCH_ANY,
  MATCH_OPS
} from "./chunk-CEMVL7P3.js";
import {
  EvaluationError
} from "./chunk-TS22JX7Z.js";

// src/match/expression.ts
var ExpressionError = class extends Error {
};
var KNOWN_OPS = /* @__PURE__ */ new Set([MATCH_ANY, ...MATCH_OPS]);
function describe(e) {
  return e.value?.length ? `{op: ${JSON.stringify(e.op)}, value: [${e.value.map((v) => JSON.stringify(v)).join(" ")}]}` : `{op: ${JSON.stringify(e.op)}}`;
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
    case "NotIn": {
      if (!values.length) return fail(nonEmpty);
      const set = new Set(values);
      return e.op === "In" ? (v) => set.has(v) : (v) => !set.has(v);
    }
    case "InRegexp": {
      if (!values.length) return fail(nonEmpty);
      const res = lazyRef(
        () => values.map((p) => {
          try {
            return compileRE2(p);
          } catch {
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
function reported(e) {
  const expression = Object.freeze({
    op: e.op,
    ...e.value?.length ? { value: Object.freeze([...e.value]) } : {},
    ...e.type ? { type: e.type } : {}
  });
  return { expression, text: describe(expression) };
}
var COSTLY_OPS = /* @__PURE__ */ new Set(["InRegexp", "Gt", "Ge", "Lt", "Le", "GtLt", "GeLe"]);
var SEP = "";
function signatureOf(e) {
  const op = e.op;
  const type = e.type ?? "";
  const values = e.value ?? [];
  if (typeof op === "string" && typeof type === "string" && Array.isArray(values)) {
    let sig = op + SEP + type;
    let plain = !sig.includes(SEP, op.length + 1) && !op.includes(SEP);
    for (let i = 0; plain && i < values.length; i++) {
      const v = values[i];
      if (typeof v !== "string" || v.includes(SEP)) plain = false;
      else sig += SEP + v;
    }
    if (plain) return sig;
  }
  return JSON.stringify([typeof op, op, type, values]);
}
function compile(e, signature) {
  if (!KNOWN_OPS.has(e.op))
    return {
      kind: "value",
      always: `invalid Op ${JSON.stringify(e.op)}`,
      test: never,
      signature,
      costly: false
    };
  const kind = e.op === MATCH_ANY ? "any" : e.op === "Exists" ? "exists" : e.op === "DoesNotExist" ? "doesNotExist" : "value";
  if (kind !== "value") {
    const always = e.value?.length ? emptyValueError(e) : void 0;
    return { kind, ...always !== void 0 && { always }, test: never, signature, costly: false };
  }
  const test = compileTest(e);
  if ((e.op === "In" || e.op === "NotIn") && e.value?.length)
    return { kind, test, signature, costly: false, members: new Set(e.value), negated: e.op === "NotIn" };
  return { kind, test, signature, costly: COSTLY_OPS.has(e.op) };
}
var ExpressionCompiler = class {
  compiled = /* @__PURE__ */ new Map();
  features = /* @__PURE__ */ new Map();
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
  /** What makes two expressions alike (op, type and values), as CompiledExpression.signature. */
  signature(e) {
    return signatureOf(e);
  }
  compile(e) {
    const signature = signatureOf(e);
    let c = this.compiled.get(signature);
    if (!c) {
      c = { ...compile(e, signature), reported: reported(e) };
      this.compiled.set(signature, c);
    }
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
  return memo && c.costly ? memo.test(c, value) : c.test(value);
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
  empty() {
    return new Uint32Array(this.size + 31 >>> 5);
  }
  all() {
    const b = this.empty();
    b.fill(4294967295);
    if (this.size & 31) b[b.length - 1] = (1 << (this.size & 31)) - 1;
    return b;
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
      for (let i = 0; i < this.size; i++) {
        const attrs = this.elements[i].attributes;
        if (!attrs || !Object.hasOwn(attrs, name)) continue;
        present[i >>> 5] |= 1 << (i & 31);
        const v = attrs[name];
        if (v === void 0) continue;
        const list = values.get(v);
        if (list) list.push(i);
        else values.set(v, [i]);
      }
      a = { name, present, values, verdicts: /* @__PURE__ */ new Map() };
      (this.attrs ??= /* @__PURE__ */ new Map()).set(name, a);
    }
    return a;
  }
  /** The attribute's distinct values across instances, first appearance first (hostValuesOf's order). */
  valuesOf(name) {
    return [...this.attribute(name).values.keys()];
  }
  /** The expression on attribute `name` of every instance, as NFD's evaluateMatchExpression. */
  verdict(name, c) {
    const a = this.attribute(name);
    let v = a.verdicts.get(c.signature);
    if (!v) {
      v = this.decide(a, c);
      a.verdicts.set(c.signature, v);
    }
    return v;
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
    const match = this.empty();
    let any = false;
    if (c.members && !c.negated) {
      for (const value of c.members) {
        const members = a.values.get(value);
        if (!members) continue;
        any = true;
        for (const i of members) match[i >>> 5] |= 1 << (i & 31);
      }
      return { match, any };
    }
    let errors;
    let messages;
    for (const [value, members] of a.values) {
      let holds;
      try {
        holds = c.test(value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        errors ??= this.empty();
        (messages ??= /* @__PURE__ */ new Map()).set(value, err.message);
        for (const i of members) errors[i >>> 5] |= 1 << (i & 31);
        continue;
      }
      if (!holds) continue;
      any = true;
      for (const i of members) match[i >>> 5] |= 1 << (i & 31);
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
function hostValuesOf(features, feature, name) {
  const out = /* @__PURE__ */ new Set();
  const flags = own(features.flags, feature)?.elements;
  if (flags && Object.hasOwn(flags, name)) out.add(name);
  const attrs = own(features.attributes, feature)?.elements;
  if (attrs && Object.hasOwn(attrs, name)) out.add(attrs[name]);
  for (const inst of own(features.instances, feature)?.elements ?? []) {
    if (inst.attributes && Object.hasOwn(inst.attributes, name)) out.add(inst.attributes[name]);
  }
  return [...out];
}
var HostIndex = class {
  /** `features`: the host's, as given (not the working copy with rule.matched). */
  constructor(features) {
    this.features = features;
  }
  features;
  // Created on first use: a host that a spec barely looks at (many small hosts) pays for none.
  instanceIndexes;
  hostValueCache;
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
  /** c.test(value), remembered (flag, attribute and element names repeat from rule to rule). */
  test(c, value) {
    let byValue = this.verdicts?.get(c);
    if (!byValue) {
      byValue = /* @__PURE__ */ new Map();
      (this.verdicts ??= /* @__PURE__ */ new Map()).set(c, byValue);
    }
    let v = byValue.get(value);
    if (v === void 0) {
      try {
        v = c.test(value);
      } catch (err) {
        if (!(err instanceof ExpressionError)) throw err;
        v = err.message;
      }
      byValue.set(value, v);
    }
    if (typeof v === "string") throw new ExpressionError(v);
    return v;
  }
  /** hostValuesOf the host's features, computed once per element and shared (frozen). */
  hostValues(feature, name) {
    let byName2 = this.hostValueCache?.get(feature);
    if (!byName2) {
      byName2 = /* @__PURE__ */ new Map();
      (this.hostValueCache ??= /* @__PURE__ */ new Map()).set(feature, byName2);
    }
    let v = byName2.get(name);
    if (!v) {
      const f = this.features;
      const insts = own(f.instances, feature)?.elements;
      const values = insts && insts.length > DIRECT_INSTANCES && !own(f.flags, feature) && !own(f.attributes, feature) ? this.instances(feature, insts).valuesOf(name) : hostValuesOf(f, feature, name);
      v = Object.freeze(values);
      byName2.set(name, v);
    }
    return v;
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
function compileTerm(term, index, compiler) {
  const { lower, dom, nam } = compiler.feature(term.feature);
  const out = { source: term, feature: lower, dom, nam };
  const entry = (name, expression) => ({
    term: index,
    feature: term.feature,
    lower,
    name,
    expression,
    compiled: compiler.compile(expression)
  });
  if (term.matchExpressions) {
    const exprs = term.matchExpressions;
    out.expressions = Object.keys(exprs).map((name) => entry(name, exprs[name]));
  }
  if (term.matchName) out.matchName = entry(void 0, term.matchName);
  return out;
}
var part = (s) => `${s.length}:${s}`;
var TermCompiler = class extends ExpressionCompiler {
  terms = /* @__PURE__ */ new Map();
  term(term, index) {
    let key = `${index}${part(term.feature)}`;
    const exprs = term.matchExpressions;
    if (exprs) for (const name of Object.keys(exprs)) key += part(name) + part(this.signature(exprs[name]));
    key += term.matchName ? `n${part(this.signature(term.matchName))}` : "-";
    let c = this.terms.get(key);
    if (!c) {
      c = { ...compileTerm(term, index, this), id: this.terms.size };
      this.terms.set(key, c);
    }
    return c;
  }
};
function byName(elems) {
  return elems.sort((a, b) => a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0);
}
function matchInstances(term, index, failFast, matched) {
  const exprs = term.expressions;
  const candidates = index.allScratch();
  let errorAt = -1;
  let error = "";
  for (const { name, compiled } of exprs) {
    const v = index.verdict(name, compiled);
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
  const elems = [];
  for (let i = firstBit(candidates); i >= 0; i = nextBit(candidates, i + 1)) {
    elems.push(index.elements[i].attributes ?? {});
  }
  if (failFast) {
    if (elems.length) for (const { name, expression } of exprs) matched.set(name, expression);
  } else {
    for (const { name, expression, compiled } of exprs) {
      if (index.verdict(name, compiled).any) matched.set(name, expression);
    }
  }
  return elems;
}
function matchInstancesDirect(term, elements, failFast, matched) {
  const exprs = term.expressions;
  const elems = [];
  const held = failFast ? void 0 : exprs.map(() => false);
  for (const inst of elements) {
    const attrs = inst.attributes;
    let all = true;
    for (let k = 0; k < exprs.length; k++) {
      const { name, compiled } = exprs[k];
      const has = attrs !== void 0 && attrs !== null && Object.hasOwn(attrs, name);
      if (evaluateCompiled(compiled, has, has ? attrs[name] : void 0)) {
        if (held) held[k] = true;
      } else {
        all = false;
        if (failFast) break;
      }
    }
    if (all) elems.push(attrs ?? {});
  }
  if (failFast) {
    if (elems.length) for (const { name, expression } of exprs) matched.set(name, expression);
  } else {
    exprs.forEach(({ name, expression }, k) => {
      if (held[k]) matched.set(name, expression);
    });
  }
  return elems;
}
function matchMulti(host, term, keys, values, instances, failFast) {
  let elems = [];
  let matched = /* @__PURE__ */ new Map();
  let current;
  try {
    let isMatch = keys !== void 0 || values !== void 0;
    for (const { name, expression: e, compiled: c } of term.expressions) {
      current = name;
      let matchK = false;
      let matchV = false;
      let failed = false;
      if (keys) {
        matchK = evaluateCompiled(c, Object.hasOwn(keys, name), void 0, host);
        if (matchK) {
          elems.push({ Name: name });
          matched.set(name, e);
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (values && !failed) {
        const has = Object.hasOwn(values, name);
        matchV = evaluateCompiled(c, has, has ? values[name] : void 0, host);
        if (matchV) {
          elems.push({ Name: name, Value: has ? values[name] : "" });
          matched.set(name, e);
        } else if (e.op === "DoesNotExist") failed = true;
      }
      if (failed || !matchK && !matchV) {
        isMatch = false;
        if (!failFast) continue;
        elems = [];
        matched = /* @__PURE__ */ new Map();
        break;
      }
    }
    byName(elems);
    current = void 0;
    const matchedInstances = !instances?.size ? [] : instances.size <= DIRECT_INSTANCES ? matchInstancesDirect(term, instances.elements, failFast, matched) : matchInstances(term, instances, failFast, matched);
    for (const m of matchedInstances) elems.push(m);
    return { isMatch: isMatch || matchedInstances.length > 0, elems, matched };
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, current);
    throw err;
  }
}
function matchNames(host, term, keys, values, instances) {
  const c = term.matchName.compiled;
  try {
    const names = /* @__PURE__ */ new Set();
    const elems = [];
    for (const k of Object.keys(keys ?? {})) {
      if (evaluateCompiled(c, true, k, host)) {
        elems.push({ Name: k });
        names.add(k);
      }
    }
    for (const [k, v] of Object.entries(values ?? {})) {
      if (evaluateCompiled(c, true, k, host)) {
        elems.push({ Name: k, Value: v });
        names.add(k);
      }
    }
    byName(elems);
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
        elems.push(instances.elements[i].attributes);
      }
    }
    return { elems, names: [...names] };
  } catch (err) {
    if (err instanceof ExpressionError) throw new TermError(err.message, term.feature, void 0);
    throw err;
  }
}
var NOT_GATHERED = /* @__PURE__ */ new Map();
function evaluateCompiledTerms(terms, features, host, failFast = false, gather = true) {
  let isMatch = true;
  let isTermMatch = true;
  const processed = [];
  const names = [];
  const matchedFeatures = gather ? /* @__PURE__ */ new Map() : NOT_GATHERED;
  const status = (m) => ({
    isMatch: m,
    terms: processed,
    names,
    matchedFeatures
  });
  for (const term of terms) {
    const matchedNames = [];
    names.push(matchedNames);
    const { feature, dom, nam } = term;
    if (gather && !matchedFeatures.has(dom)) matchedFeatures.set(dom, /* @__PURE__ */ new Map());
    const flags = own(features.flags, feature);
    const attrs = own(features.attributes, feature);
    const insts = own(features.instances, feature);
    if (!flags && !attrs && !insts) {
      if (failFast) return status(false);
      isMatch = false;
      continue;
    }
    const keys = flags?.elements ?? void 0;
    const values = attrs?.elements ?? void 0;
    const instances = insts?.elements ? host.instances(feature, insts.elements) : void 0;
    const rec = { feature };
    let elems = [];
    if (term.expressions) {
      const r = matchMulti(host, term, keys, values, instances, failFast);
      isTermMatch = r.isMatch;
      elems = r.elems;
      rec.matchExpressions = r.matched;
    }
    if (isTermMatch && term.matchName) {
      const r = matchNames(host, term, keys, values, instances);
      for (const m of r.elems) elems.push(m);
      for (const n of r.names) matchedNames.push(n);
      isTermMatch = r.elems.length > 0;
      if (isTermMatch) rec.matchName = term.source.matchName;
    }
    if (gather) {
      const byFeature = matchedFeatures.get(dom);
      const prev = byFeature.get(nam);
      byFeature.set(nam, prev ? [...prev, ...elems] : elems);
    }
    if (rec.matchName || rec.matchExpressions && rec.matchExpressions.size > 0) processed.push(rec);
    if (!isTermMatch) {
      if (failFast) return status(false);
      isMatch = false;
    }
  }
  return status(isMatch);
}

// src/match/rule.ts
function assignOwn(out, from) {
  for (const [k, v] of Object.entries(from))
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
}
var NONE = Object.freeze([]);
var RuleCompiler = class extends TermCompiler {
  plans = /* @__PURE__ */ new Map();
  list(list) {
    if (!list?.length) return { terms: NONE, plan: NONE };
    const terms = list.map((t, i) => this.term(t, i));
    const key = terms.map((t) => t.id).join(",");
    let plan = this.plans.get(key);
    if (!plan) {
      plan = reportPlan(terms);
      this.plans.set(key, plan);
    }
    return { terms, plan };
  }
};
function compileRule(rule, compiler = new RuleCompiler()) {
  const matchFeatures = compiler.list(rule.matchFeatures);
  if (!rule.matchAny?.length)
    return {
      source: rule,
      matchAny: NONE,
      matchFeatures: matchFeatures.terms,
      report: { matchFeatures: matchFeatures.plan, matchAny: NONE }
    };
  const matchAny = rule.matchAny.map((elem) => compiler.list(elem.matchFeatures));
  return {
    source: rule,
    matchAny: matchAny.map((m) => m.terms),
    matchFeatures: matchFeatures.terms,
    report: { matchFeatures: matchFeatures.plan, matchAny: matchAny.map((m) => m.plan) }
  };
}
function executeCompiledRule(compiled, features, host, failFast = false) {
  const rule = compiled.source;
  const matchAny = [];
  const vars = {};
  const template = rule.varsTemplate ?? "";
  let isMatchAny = false;
  if (rule.matchAny?.length) {
    for (const terms of compiled.matchAny) {
      const status = evaluateCompiledTerms(terms, features, host, failFast, template !== "");
      if (status.isMatch) {
        isMatchAny = true;
        if (template === "" && failFast) break;
        assignOwn(vars, expandVarsTemplate(template, status.matchedFeatures));
      }
      matchAny.push(status);
    }
    if (!isMatchAny && failFast) return { isMatch: false, matchAny };
  }
  let isMatchFeatures = false;
  let matchFeatures;
  if (rule.matchFeatures?.length) {
    matchFeatures = evaluateCompiledTerms(compiled.matchFeatures, features, host, failFast, template !== "");
    if (!matchFeatures.isMatch) return { isMatch: false, matchFeatures, matchAny };
    isMatchFeatures = true;
    assignOwn(vars, expandVarsTemplate(template, matchFeatures.matchedFeatures));
  }
  assignOwn(vars, rule.vars ?? {});
  const isMatch = (!rule.matchAny?.length || isMatchAny) && (!rule.matchFeatures?.length || isMatchFeatures);
  return { isMatch, ...matchFeatures && { matchFeatures }, matchAny, vars };
}
function sameExpression(a, b) {
  const av = a.value ?? [];
  const bv = b.value ?? [];
  return a.op === b.op && av.length === bv.length && av.every((v, i) => v === bv[i]);
}
function reportPlan(terms) {
  const out = [];
  for (const term of terms) {
    for (const e of term.expressions ?? []) out.push(e);
    if (term.matchName) out.push(term.matchName);
  }
  const cmp = (x, y) => x === y ? 0 : x < y ? -1 : 1;
  return out.sort(
    (a, b) => cmp(a.feature, b.feature) || cmp(a.name ?? "", b.name ?? "") || cmp(a.compiled.reported.text, b.compiled.reported.text)
  );
}
function reportTerms(plan, status, features, host) {
  const processed = status?.terms ?? [];
  return plan.map((entry) => {
    const { feature, name, expression: source } = entry;
    if (name === void 0) {
      const isMatch2 = processed.some(
        (p) => feature === p.feature && p.matchName !== void 0 && sameExpression(source, p.matchName)
      );
      return {
        feature,
        name: "",
        expression: entry.compiled.reported.expression,
        matcherType: "matchName",
        isMatch: isMatch2,
        hostValues: [...status?.names[entry.term] ?? []]
      };
    }
    const isMatch = processed.some((p) => {
      const pexp = feature === p.feature ? p.matchExpressions?.get(name) : void 0;
      return pexp !== void 0 && sameExpression(source, pexp);
    });
    return {
      feature,
      name,
      expression: entry.compiled.reported.expression,
      matcherType: "matchExpression",
      isMatch,
      // rule.matched grows rule by rule: read from the working copy each time.
      hostValues: entry.lower === "rule.matched" ? hostValuesOf(features, entry.lower, name) : host.hostValues(entry.lower, name)
    };
  });
}
function reportCompiledRule(compiled, status, features, host) {
  const rule = compiled.source;
  const out = { name: rule.name, isMatch: status.isMatch };
  const mf = reportTerms(compiled.report.matchFeatures, status.matchFeatures, features, host);
  if (mf.length) out.matchedExpressions = mf;
  if (rule.matchAny?.length) {
    out.matchedAny = compiled.report.matchAny.map((plan, i) => {
      const m = reportTerms(plan, status.matchAny[i], features, host);
      return { matchedExpressions: m.length ? m : null };
    });
  }
  return out;
}

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
  const working = { ...features, attributes: { ...features.attributes ?? {} } };
  const backref = new Backref(working);
  const results = [];
  for (const { set, index } of selectSets(compiled.spec, opts.tags)) {
    const result = { rules: [] };
    for (const rule of compiled.rules(index)) {
      let status;
      try {
        status = executeCompiledRule(rule, working, host, opts.failFast ?? false);
      } catch (err) {
        throw evaluationError(err, set, index, rule.source.name);
      }
      result.rules.push(reportCompiledRule(rule, status, working, host));
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
var Backref = class {
  constructor(working) {
    this.working = working;
  }
  working;
  elements;
  add(vars) {
    if (!this.elements) {
      this.elements = { ...this.working.attributes["rule.matched"]?.elements ?? {} };
      this.working.attributes["rule.matched"] = { elements: this.elements };
    }
    if (!vars) return;
    for (const k of Object.keys(vars)) {
      if (k === "__proto__")
        Object.defineProperty(this.elements, k, {
          value: vars[k],
          enumerable: true,
          writable: true,
          configurable: true
        });
      else this.elements[k] = vars[k];
    }
  }
};
function isCompatible(results) {
  return results.some((r) => r.rules.every((rule) => rule.isMatch));
}

export {
  selectSets,
  compileSpec,
  evaluateSpec,
  isCompatible
};
