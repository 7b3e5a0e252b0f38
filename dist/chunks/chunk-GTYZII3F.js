import {
  compileRE2,
  literalPattern,
  parseGoInt,
  parseVersion,
  rethrowEngineError
} from "./chunk-LNR5OBVR.js";
import {
  closest,
  positionOf
} from "./chunk-CC76JYNC.js";
import {
  MATCH_OPS
} from "./chunk-CEMVL7P3.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";

// src/spec/checks.ts
var NO_VALUE = /* @__PURE__ */ new Set(["Exists", "DoesNotExist", "IsTrue", "IsFalse"]);
var ONE_VALUE = /* @__PURE__ */ new Set(["Gt", "Ge", "Lt", "Le"]);
var TWO_VALUES = /* @__PURE__ */ new Set(["GtLt", "GeLe"]);
var KNOWN_OPS = new Set(MATCH_OPS);
var COMPARE_OPS = /* @__PURE__ */ new Set([...ONE_VALUE, ...TWO_VALUES]);
function expressionProblems(e) {
  const out = [];
  const err = (message, at = [], hint) => out.push({ severity: "error", message, at, ...hint && { hint } });
  const warn = (message, at) => out.push({ severity: "warning", message, at });
  const values = e.value ?? [];
  const n = values.length;
  const op = e.op ?? "";
  if (op === "") {
    err(
      "op is empty or missing: NFD reads that as MatchAny, which is always true",
      ["op"],
      `give one of ${MATCH_OPS.join(", ")}`
    );
    if (n !== 0) err(`op MatchAny (empty) takes no value (have ${n})`, ["value"]);
    return out;
  }
  if (!KNOWN_OPS.has(op)) {
    const close = closest(op, MATCH_OPS);
    err(
      `must be one of ${MATCH_OPS.join(", ")}; got ${JSON.stringify(op)}`,
      ["op"],
      close && `did you mean "${close}"?`
    );
    return out;
  }
  const type = e.type;
  if (type !== void 0 && type !== "version") {
    if (type !== "" && COMPARE_OPS.has(op)) {
      err(`type must be version; got ${JSON.stringify(type)} (NFD fails on it when it compares)`, ["type"]);
    } else if (type === "") {
      warn('type "" is the default (integers): leave it out', ["type"]);
    } else {
      warn(`type ${JSON.stringify(type)} is not a type (NFD ignores it for ${op})`, ["type"]);
    }
  }
  if (NO_VALUE.has(e.op)) {
    if (n !== 0) err(`op ${e.op} takes no value (have ${n})`, ["value"]);
  } else if (ONE_VALUE.has(e.op)) {
    if (n !== 1) err(`op ${e.op} takes exactly one value (have ${n})`, ["value"]);
  } else if (TWO_VALUES.has(e.op)) {
    if (n !== 2) err(`op ${e.op} takes exactly two values (have ${n})`, ["value"]);
  } else if (n === 0) {
    err(`op ${e.op} needs at least one value`, e.value ? ["value"] : []);
  }
  if (out.length) return out;
  if (e.type === "version" && !COMPARE_OPS.has(e.op)) {
    out.push({
      severity: "warning",
      message: `type ${e.type} applies only to Gt, Ge, Lt, Le, GtLt, GeLe (NFD ignores it here)`,
      at: ["type"]
    });
  }
  if (e.op === "InRegexp") {
    values.forEach((v, i) => {
      try {
        if (!literalPattern(v)) compileRE2(v);
      } catch (e2) {
        rethrowEngineError(e2);
        err(`invalid RE2 regular expression ${JSON.stringify(v)}: ${e2.message}`, ["value", i]);
      }
    });
  }
  if (COMPARE_OPS.has(e.op) && (e.type === void 0 || e.type === "version" || e.type === "")) {
    const parse = e.type === "version" ? parseVersion : parseGoInt;
    const what = e.type === "version" ? "a version (major[.minor[.patch]])" : "an integer";
    const parsed = values.map((v, i) => {
      const p = parse(v);
      if (p === void 0) err(`value ${JSON.stringify(v)} is not ${what}`, ["value", i]);
      return p;
    });
    if (TWO_VALUES.has(e.op) && parsed[0] !== void 0 && parsed[1] !== void 0) {
      if (e.type === "version") {
        const [a, b] = parsed;
        const cmp = a.findIndex((x, i) => x !== b[i]);
        if (cmp < 0 || a[cmp] > b[cmp])
          warn(`value[0] is not less than value[1] (have ${values.join(", ")}): the range never matches`, [
            "value"
          ]);
      } else if (parsed[0] >= parsed[1]) {
        err(`value[0] must be less than value[1] for op ${e.op} (have ${values.join(", ")})`, ["value"]);
      }
    }
  }
  return out;
}
function nfdDiagnostics(src, spec, opts = {}) {
  const out = [];
  const add = (severity, message, path, hint) => out.push({
    severity: opts.lenient ? "warning" : severity,
    message: opts.lenient && severity === "error" ? `${message} (an error for lint and ${setting("strict")})` : message,
    position: positionOf(src, path),
    hint
  });
  const tags = /* @__PURE__ */ new Map();
  const checkExpression = (e, path) => {
    for (const p of expressionProblems(e)) add(p.severity, p.message, [...path, ...p.at], p.hint);
  };
  const checkTerms = (terms, path) => (terms ?? []).forEach((t, ti) => {
    const tp = [...path, ti];
    if (t.feature === "")
      add("error", "feature must not be empty (expected domain.feature, e.g. pci.device)", [
        ...tp,
        "feature"
      ]);
    if (t.feature !== t.feature.toLowerCase()) {
      add(
        "warning",
        `feature name ${JSON.stringify(t.feature)} has capitals: NFD looks it up lower-cased but reports every expression of it as failed`,
        [...tp, "feature"]
      );
    }
    if (!t.matchExpressions && !t.matchName) {
      add(
        "warning",
        `term has neither matchExpressions nor matchName: it matches whenever ${t.feature} exists`,
        tp
      );
    }
    for (const [key, e] of Object.entries(t.matchExpressions ?? {}))
      checkExpression(e, [...tp, "matchExpressions", key]);
    if (t.matchName) checkExpression(t.matchName, [...tp, "matchName"]);
  });
  spec.compatibilities.forEach((c, ci) => {
    if (c.tag !== void 0) {
      const prev = tags.get(c.tag);
      if (prev !== void 0)
        add(
          "warning",
          `tag ${JSON.stringify(c.tag)} is also used by compatibilities[${prev}]: ${setting("tags")} selects both`,
          ["compatibilities", ci, "tag"]
        );
      else tags.set(c.tag, ci);
    }
    c.rules.forEach((r, ri) => {
      const rp = ["compatibilities", ci, "rules", ri];
      checkTerms(r.matchFeatures, [...rp, "matchFeatures"]);
      (r.matchAny ?? []).forEach(
        (m, mi) => checkTerms(m.matchFeatures, [...rp, "matchAny", mi, "matchFeatures"])
      );
    });
  });
  return out;
}

export {
  expressionProblems,
  nfdDiagnostics
};
