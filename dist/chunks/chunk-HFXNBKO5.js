import {
  fleetOfImage
} from "./chunk-QEWOXDOG.js";
import {
  formatDiagnostics
} from "./chunk-XDDB4SG4.js";
import {
  lintSource
} from "./chunk-LY3MDLAE.js";
import {
  DEFAULT_CONFIG_PATH
} from "./chunk-BRAVSDII.js";
import {
  parseConfig
} from "./chunk-4DDMDBMS.js";
import {
  compileForPlatforms
} from "./chunk-QMLOPEXN.js";
import {
  changeOf,
  eventNameOf
} from "./chunk-E4W27L74.js";
import {
  compileSpec,
  evaluateSpec
} from "./chunk-VHXEUIKY.js";
import {
  detectKind
} from "./chunk-KNVR5ANA.js";
import {
  parseSpec
} from "./chunk-ZC6TAHSD.js";
import {
  fetchNewestCompatibilitySpec
} from "./chunk-5POD2GZZ.js";
import {
  compareVersions,
  parseGoIntFast,
  parseVersion
} from "./chunk-LNR5OBVR.js";
import {
  MAX_FEATURES_BYTES,
  parseFeaturesDocument
} from "./chunk-6K2UG3UQ.js";
import {
  parseSource,
  readSource
} from "./chunk-CC76JYNC.js";
import {
  decodeText,
  fsErrorDetail,
  readText
} from "./chunk-LOFLUJHY.js";
import {
  neutraliseText
} from "./chunk-SYP4RMMF.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  EvaluationError,
  ExitCode,
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/check/render.ts
var BASELINE = { ref: "the config at", config: "the base config", image: "the specs published for" };
function baselineText(s) {
  return `${BASELINE[s.baseline.kind]} ${s.baseline.source}`;
}
function where(d) {
  const p = d.position;
  return `${p.file ?? "<input>"}${p.line !== void 0 ? `:${p.line}` : ""}${p.line !== void 0 && p.column !== void 0 ? `:${p.column}` : ""}`;
}
var platformText = (p) => p || "all";
function renderCheckText(s) {
  const out = [];
  out.push(`image-compat check: ${s.config} against ${baselineText(s)}`);
  out.push("");
  const diags = s.lint.files.flatMap((f) => f.diagnostics);
  out.push(`Lint: ${s.lint.files.length} file(s), ${s.lint.errors} error(s), ${s.lint.warnings} warning(s)`);
  for (const d of diags) {
    out.push(
      `  ${where(d)}: ${d.severity}: ${d.position.path ? `${d.position.path}: ` : ""}${d.message}${d.hint ? ` (${d.hint})` : ""}`
    );
  }
  if (s.compared) {
    out.push("");
    out.push(`Requirement changes: ${s.changes.length}`);
    for (const c of s.changes) {
      const what = c.before !== void 0 && c.after !== void 0 ? `${c.before} -> ${c.after}` : c.after ?? c.before ?? "";
      out.push(
        `  ${platformText(c.platform)}  ${c.set}  ${c.rule}  ${c.feature} ${c.key}: ${c.change} ${what}`
      );
    }
    if (s.fleet) {
      out.push("");
      out.push(
        `Fleet: ${s.fleet.hosts.length} host(s), ${s.fleet.excluded.length} newly excluded, ${s.fleet.admitted.length} newly admitted`
      );
      for (const h of s.fleet.hosts) {
        const mark = h.admittedBefore === h.admittedAfter ? "" : h.admittedAfter ? "  NEWLY ADMITTED" : "  NEWLY EXCLUDED";
        out.push(
          `  ${h.name} (${h.architecture ?? "unknown arch"}): ${verdict(h.before)} -> ${verdict(h.after)}${mark}`
        );
        for (const e of unique(h.errors)) out.push(`    error: ${e}`);
      }
    }
  }
  if (s.notes.length) {
    out.push("");
    for (const n of s.notes) out.push(`note: ${n}`);
  }
  return neutraliseText(`${out.join("\n")}
`);
}
function unique(errors) {
  return [...new Set((errors ?? []).map((e) => e.replace(/^(before|after): /, "")))];
}
function verdict(sets) {
  return sets.length ? `admitted (${sets.join(", ")})` : "excluded";
}
function cell(s) {
  if (s === void 0 || s === "") return "";
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
var code = (s) => s ? `\`${s.replace(/`/g, "'")}\`` : "";
var CHANGE_ICON = {
  added: "\u2795 added",
  removed: "\u2796 removed",
  tightened: "\u{1F512} tightened",
  loosened: "\u{1F513} loosened",
  changed: "\u270F\uFE0F changed"
};
function renderCheckMarkdown(s) {
  const out = [];
  out.push("## image-compat check");
  out.push("");
  out.push(`${code(s.config)} compared with ${cell(BASELINE[s.baseline.kind])} ${code(s.baseline.source)}.`);
  out.push("");
  const diags = s.lint.files.flatMap((f) => f.diagnostics);
  out.push(
    `### Lint: ${s.lint.errors} error(s), ${s.lint.warnings} warning(s) in ${s.lint.files.length} file(s)`
  );
  out.push("");
  if (diags.length) {
    out.push("| where | level | path | message |", "| --- | --- | --- | --- |");
    for (const d of diags) {
      out.push(
        `| ${code(where(d))} | ${d.severity} | ${code(d.position.path)} | ${cell(`${d.message}${d.hint ? ` (${d.hint})` : ""}`)} |`
      );
    }
    out.push("");
  }
  if (s.compared) {
    out.push(`### Requirement changes (${s.changes.length})`);
    out.push("");
    if (s.changes.length) {
      out.push("| platform | set | rule | feature | key | change | before | after |");
      out.push("| --- | --- | --- | --- | --- | --- | --- | --- |");
      for (const c of s.changes) {
        out.push(
          `| ${cell(platformText(c.platform))} | ${cell(c.set)} | ${cell(c.rule)} | ${code(c.feature)} | ${code(c.key)} | ${CHANGE_ICON[c.change]} | ${cell(c.before)} | ${cell(c.after)} |`
        );
      }
    } else out.push("No requirement changed.");
    out.push("");
    if (s.fleet) {
      const f = s.fleet;
      out.push(
        `### Fleet: ${f.excluded.length} newly excluded, ${f.admitted.length} newly admitted of ${f.hosts.length} host(s)`
      );
      out.push("");
      if (f.excluded.length) out.push(`**Newly excluded:** ${f.excluded.map(code).join(", ")}`, "");
      if (f.admitted.length) out.push(`**Newly admitted:** ${f.admitted.map(code).join(", ")}`, "");
      out.push("| host | arch | before | after | |", "| --- | --- | --- | --- | --- |");
      for (const h of f.hosts) {
        const mark = h.admittedBefore === h.admittedAfter ? "" : h.admittedAfter ? "\u{1F7E2} newly admitted" : "\u{1F534} newly excluded";
        out.push(
          `| ${code(h.name)} | ${cell(h.architecture ?? "?")} | ${cell(verdict(h.before))} | ${cell(verdict(h.after))} | ${cell([mark, ...unique(h.errors).map((e) => `\u26A0\uFE0F ${e}`)].filter(Boolean).join("; "))} |`
        );
      }
      out.push("");
    }
  }
  if (s.notes.length) {
    for (const n of s.notes) out.push(`> ${cell(n)}`, ">");
    out.pop();
    out.push("");
  }
  return neutraliseText(`${out.join("\n")}
`);
}
function checkExitCode(result, failOnExclusion) {
  if (result.lint.errors > 0) return ExitCode.input;
  if (failOnExclusion && (result.fleet?.excluded.length ?? 0) > 0) return ExitCode.incompatible;
  return ExitCode.ok;
}
function checkJson(result) {
  const lint = result.lint.files.map((f) => ({
    file: f.file,
    kind: f.kind,
    diagnostics: JSON.parse(formatDiagnostics(f.diagnostics, "json"))
  }));
  return `${JSON.stringify(
    {
      config: result.config,
      baseline: result.baseline,
      lint: { errors: result.lint.errors, warnings: result.lint.warnings, files: lint },
      compared: result.compared,
      platforms: result.platforms,
      changes: result.changes,
      ...result.fleet && {
        fleet: result.fleet,
        excluded: result.fleet.excluded,
        admitted: result.fleet.admitted
      },
      notes: result.notes
    },
    null,
    2
  )}
`;
}

// src/check/kernel-versions.ts
var FEATURE = "kernel.version";
var COMPONENTS = ["major", "minor", "revision"];
var MAX_PIECES = 4096;
var EVERY = [{ lo: [0, 0, 0] }];
function compareTuples(a, b) {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return 0;
}
function compareHi(a, b) {
  if (!a || !b) return a === b ? 0 : a ? -1 : 1;
  return compareTuples(a, b);
}
function normalize(list) {
  const sorted = list.filter((iv) => !iv.hi || compareTuples(iv.lo, iv.hi) < 0).sort((a, b) => compareTuples(a.lo, b.lo));
  const out = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && (!last.hi || compareTuples(iv.lo, last.hi) <= 0)) {
      if (compareHi(iv.hi, last.hi) > 0) last.hi = iv.hi && [...iv.hi];
    } else out.push({ lo: [...iv.lo], ...iv.hi && { hi: [...iv.hi] } });
  }
  return out;
}
function union(a, b) {
  return normalize([...a, ...b]);
}
function intersect(a, b) {
  const out = [];
  for (const x of a)
    for (const y of b) {
      const lo = compareTuples(x.lo, y.lo) >= 0 ? x.lo : y.lo;
      const hi = compareHi(x.hi, y.hi) <= 0 ? x.hi : y.hi;
      out.push({ lo, ...hi && { hi } });
    }
  return normalize(out);
}
function sameVersions(a, b) {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}
function versionRelation(before, after) {
  const sub = sameVersions(union(after, before), before);
  const sup = sameVersions(union(after, before), after);
  if (sub && sup) return void 0;
  if (sub) return "tightened";
  if (sup) return "loosened";
  return "changed";
}
var ALL = [{ lo: 0 }];
function int(s) {
  if (s === void 0) return void 0;
  const n = parseGoIntFast(s);
  return typeof n === "number" && Number.isSafeInteger(n) ? n : void 0;
}
function spansOf(e) {
  if (e.type === "version") return void 0;
  const v = e.value ?? [];
  const from = (n) => ({ lo: Math.max(n, 0) });
  const span = (lo, hi) => ({ lo: Math.max(lo, 0), hi: Math.max(hi, 0) });
  const [a, b] = [int(v[0]), int(v[1])];
  switch (e.op) {
    case "In": {
      const values2 = v.map(int);
      if (!v.length || values2.some((x) => x === void 0)) return void 0;
      return values2.filter((x) => x >= 0).map((x) => span(x, x + 1));
    }
    case "Gt":
      return a === void 0 ? void 0 : [from(a + 1)];
    case "Ge":
      return a === void 0 ? void 0 : [from(a)];
    case "Lt":
      return a === void 0 ? void 0 : [span(0, a)];
    case "Le":
      return a === void 0 ? void 0 : [span(0, a + 1)];
    case "GtLt":
      return a === void 0 || b === void 0 ? void 0 : [span(a + 1, b)];
    case "GeLe":
      return a === void 0 || b === void 0 ? void 0 : [span(a, b + 1)];
  }
  return void 0;
}
function intersectSpans(a, b) {
  const out = [];
  for (const x of a)
    for (const y of b) {
      const lo = Math.max(x.lo, y.lo);
      const hi = x.hi === void 0 ? y.hi : y.hi === void 0 ? x.hi : Math.min(x.hi, y.hi);
      if (hi === void 0 || lo < hi) out.push(hi === void 0 ? { lo } : { lo, hi });
    }
  return out;
}
var unconstrained = (s) => s.length === 1 && s[0].lo === 0 && s[0].hi === void 0;
function values(s, budget) {
  const out = [];
  for (const { lo, hi } of s) {
    if (hi === void 0 || out.length + hi - lo > budget) return void 0;
    for (let x = lo; x < hi; x++) out.push(x);
  }
  return out;
}
function boxVersions([major, minor, revision]) {
  const out = [];
  if (unconstrained(minor) && unconstrained(revision)) {
    for (const { lo, hi } of major) out.push({ lo: [lo, 0, 0], ...hi !== void 0 && { hi: [hi, 0, 0] } });
    return normalize(out);
  }
  const majors = values(major, MAX_PIECES);
  if (!majors) return void 0;
  for (const x of majors) {
    if (unconstrained(revision)) {
      for (const { lo, hi } of minor)
        out.push({ lo: [x, lo, 0], hi: hi === void 0 ? [x + 1, 0, 0] : [x, hi, 0] });
      continue;
    }
    const minors = values(minor, MAX_PIECES);
    if (!minors || majors.length * minors.length > MAX_PIECES) return void 0;
    for (const y of minors)
      for (const { lo, hi } of revision)
        out.push({ lo: [x, y, lo], hi: hi === void 0 ? [x, y + 1, 0] : [x, y, hi] });
  }
  return normalize(out);
}
function versionTuple(s) {
  const v = s === void 0 ? void 0 : parseVersion(s);
  if (!v || v.some((x) => x > BigInt(Number.MAX_SAFE_INTEGER))) return void 0;
  return [Number(v[0]), Number(v[1]), Number(v[2])];
}
var next = (t) => [t[0], t[1], t[2] + 1];
function fullVersions(e) {
  if (e.op === "Exists") return EVERY;
  if (e.type !== "version") return void 0;
  const [a, b] = [versionTuple(e.value?.[0]), versionTuple(e.value?.[1])];
  if (!a) return void 0;
  switch (e.op) {
    case "Gt":
      return [{ lo: next(a) }];
    case "Ge":
      return [{ lo: a }];
    case "Lt":
      return normalize([{ lo: [0, 0, 0], hi: a }]);
    case "Le":
      return [{ lo: [0, 0, 0], hi: next(a) }];
    case "GtLt":
      return b && normalize([{ lo: next(a), hi: b }]);
    case "GeLe":
      return b && normalize([{ lo: a, hi: next(b) }]);
  }
  return void 0;
}
function termVersions(term) {
  const entries = Object.entries(term.matchExpressions ?? {});
  if (term.feature !== FEATURE || term.matchName || !entries.length) return void 0;
  const box = [ALL, ALL, ALL];
  let versions = EVERY;
  let boxes = false;
  for (const [key, e] of entries) {
    const i = COMPONENTS.indexOf(key);
    if (i >= 0) {
      const spans = spansOf(e);
      if (!spans) return void 0;
      box[i] = intersectSpans(box[i], spans);
      boxes = true;
    } else if (key === "full") {
      const full = fullVersions(e);
      if (!full) return void 0;
      versions = intersect(versions, full);
    } else return void 0;
  }
  if (boxes) {
    const b = boxVersions(box);
    if (!b) return void 0;
    versions = intersect(versions, b);
  }
  return { versions, boxes };
}
function termsVersions(terms) {
  let versions = EVERY;
  let boxes = false;
  for (const term of terms) {
    const t = termVersions(term);
    if (!t) return void 0;
    versions = intersect(versions, t.versions);
    boxes ||= t.boxes;
  }
  return { versions, boxes };
}
function kernelVersionRule(rule) {
  const plain = rule.matchFeatures ?? [];
  const alternatives = rule.matchAny ?? [];
  if (!plain.length && !alternatives.length) return void 0;
  const all = termsVersions(plain);
  if (!all) return void 0;
  let versions = all.versions;
  let boxes = all.boxes;
  if (alternatives.length) {
    let any = [];
    for (const alt of alternatives) {
      const t = alt.matchFeatures.length ? termsVersions(alt.matchFeatures) : void 0;
      if (!t) return void 0;
      any = union(any, t.versions);
      boxes ||= t.boxes;
    }
    versions = intersect(versions, any);
  }
  return { form: boxes ? "boxes" : "full", versions };
}
function tupleText([a, b, c]) {
  return c ? `${a}.${b}.${c}` : `${a}.${b}`;
}
function describeVersions(set) {
  if (!set.length) return "none";
  return normalize(set).map(({ lo, hi }) => {
    const parts = [];
    if (compareTuples(lo, [0, 0, 0]) > 0) parts.push(`>=${tupleText(lo)}`);
    if (hi) parts.push(`<${tupleText(hi)}`);
    return parts.length ? parts.join(" ") : "*";
  }).join(" || ");
}

// src/check/requirements.ts
function setName(set, index) {
  return set.tag ?? `#${index + 1}`;
}
var NAME_KEY = "(name)";
var VERSION_KEY = "version";
var KERNEL_VERSION = "kernel.version";
var idOf = (set, rule, feature, key) => [set, rule, feature, key].join("\0");
function readSpec(spec) {
  const requirements = /* @__PURE__ */ new Map();
  const fullForms = /* @__PURE__ */ new Map();
  spec?.compatibilities.forEach((set, i) => {
    const sname = setName(set, i);
    for (const rule of set.rules) {
      let kv = kernelVersionRule(rule);
      let rest = kv?.form === "boxes" ? void 0 : rule;
      if (!kv && !rule.matchAny?.length) {
        const terms = rule.matchFeatures ?? [];
        const part = termsVersions(terms.filter((t) => t.feature === KERNEL_VERSION));
        if (part?.boxes) {
          kv = { form: "boxes", versions: part.versions };
          rest = { ...rule, matchFeatures: terms.filter((t) => t.feature !== KERNEL_VERSION) };
        }
      }
      if (kv?.form === "boxes") {
        const id = idOf(sname, rule.name, KERNEL_VERSION, VERSION_KEY);
        const prev = requirements.get(id);
        requirements.set(id, {
          set: sname,
          rule: rule.name,
          feature: KERNEL_VERSION,
          key: VERSION_KEY,
          expressions: [],
          versions: prev?.versions ? intersect(prev.versions, kv.versions) : kv.versions
        });
        if (rest) for (const { rule: r, terms } of ruleParts(rest)) collect(requirements, sname, r, terms);
        continue;
      }
      const before = new Set(requirements.keys());
      for (const { rule: r, terms } of ruleParts(rule)) collect(requirements, sname, r, terms);
      if (kv) {
        const ids = [...requirements.keys()].filter((id) => !before.has(id));
        fullForms.set([sname, rule.name].join("\0"), { versions: kv.versions, ids });
      }
    }
  });
  return { requirements, fullForms };
}
function bridge(boxes, other) {
  for (const [id, req] of boxes) {
    if (!req.versions || other.requirements.has(id)) continue;
    const full = other.fullForms.get([req.set, req.rule].join("\0"));
    if (!full || !full.ids.length) continue;
    const entries = [...other.requirements];
    other.requirements.clear();
    for (const [k, r] of entries) {
      if (k === full.ids[0]) other.requirements.set(id, { ...req, expressions: [], versions: full.versions });
      else if (!full.ids.includes(k)) other.requirements.set(k, r);
    }
  }
}
function ruleParts(rule) {
  const parts = [];
  if (rule.matchFeatures?.length) parts.push({ rule: rule.name, terms: rule.matchFeatures });
  rule.matchAny?.forEach(
    (alt, i) => parts.push({ rule: `${rule.name} (any ${i + 1})`, terms: alt.matchFeatures })
  );
  return parts;
}
function collect(out, set, rule, terms) {
  for (const term of terms) {
    const entries = Object.entries(term.matchExpressions ?? {});
    if (term.matchName)
      entries.push([`${NAME_KEY} ${(term.matchName.value ?? []).join(" ")}`.trim(), term.matchName]);
    for (const [key, expression] of entries) {
      const id = idOf(set, rule, term.feature, key);
      const req = out.get(id) ?? { set, rule, feature: term.feature, key, expressions: [] };
      req.expressions.push(expression);
      out.set(id, req);
    }
  }
}
function diffSpecs(before, after, platform = "") {
  const oldSide = readSpec(before);
  const nowSide = readSpec(after);
  bridge(nowSide.requirements, oldSide);
  bridge(oldSide.requirements, nowSide);
  const old = oldSide.requirements;
  const now = nowSide.requirements;
  const changes = [];
  const row = (r, change, b, a) => ({
    platform,
    set: r.set,
    rule: r.rule,
    feature: r.feature,
    key: r.key,
    change,
    ...b && { before: describe(b) },
    ...a && { after: describe(a) }
  });
  for (const [id, a] of now) {
    const b = old.get(id);
    if (!b) changes.push(row(a, "added", void 0, a));
    else {
      const kind = a.versions && b.versions ? versionRelation(b.versions, a.versions) : a.versions || b.versions ? "changed" : classify(b.expressions, a.expressions);
      if (kind) changes.push(row(a, kind, b, a));
    }
  }
  for (const [id, b] of old) if (!now.has(id)) changes.push(row(b, "removed", b));
  return changes;
}
function classify(before, after) {
  if (canonical(before) === canonical(after)) return void 0;
  const b = constraintOf(before);
  const a = constraintOf(after);
  if (!b || !a) return "changed";
  if (a.kind === "exists" && b.kind !== "exists" && b.kind !== "absent" && b.kind !== "bool") {
    return "loosened";
  }
  if (b.kind === "exists" && a.kind !== "exists" && a.kind !== "absent" && a.kind !== "bool")
    return "tightened";
  if (a.kind === "in" && b.kind === "in") return setRelation(a.values, b.values);
  if (a.kind === "notin" && b.kind === "notin") return invert(setRelation(a.values, b.values));
  if (a.kind === "regexp" && b.kind === "regexp") return setRelation(a.values, b.values);
  if (a.kind === "range" && b.kind === "range" && a.type === b.type) return rangeRelation(b, a);
  return "changed";
}
function canonical(list) {
  return JSON.stringify(
    list.map((e) => ({ op: e.op, value: e.value ?? [], type: e.type ?? "" })).map((e) => JSON.stringify(e)).sort()
  );
}
function constraintOf(list) {
  const ops = new Set(list.map((e) => e.op));
  if (ops.size === 1 && list.length === 1) {
    const e = list[0];
    switch (e.op) {
      case "Exists":
        return { kind: "exists" };
      case "DoesNotExist":
        return { kind: "absent" };
      case "IsTrue":
      case "IsFalse":
        return { kind: "bool", value: e.op === "IsTrue" };
      case "In":
        return { kind: "in", values: new Set(e.value ?? []) };
      case "NotIn":
        return { kind: "notin", values: new Set(e.value ?? []) };
      case "InRegexp":
        return { kind: "regexp", values: new Set(e.value ?? []) };
    }
  }
  if (list.every((e) => e.op === "In")) {
    const [first, ...rest] = list.map((e) => new Set(e.value ?? []));
    return { kind: "in", values: new Set([...first].filter((v) => rest.every((s) => s.has(v)))) };
  }
  const ranged = list.every((e) => ["Gt", "Ge", "Lt", "Le", "GtLt", "GeLe"].includes(e.op));
  if (!ranged) return void 0;
  const types = new Set(list.map((e) => e.type === "version" ? "version" : "int"));
  if (types.size !== 1) return void 0;
  const range = { type: [...types][0] };
  for (const e of list) {
    const v = e.value ?? [];
    const add = (side, value, inclusive) => {
      if (value === void 0 || compareBound(range.type, value, value) === void 0) return false;
      range[side] = tighter(range.type, side, range[side], { value, inclusive });
      return true;
    };
    const ok = e.op === "Gt" ? add("lo", v[0], false) : e.op === "Ge" ? add("lo", v[0], true) : e.op === "Lt" ? add("hi", v[0], false) : e.op === "Le" ? add("hi", v[0], true) : add("lo", v[0], e.op === "GeLe") && add("hi", v[1], e.op === "GeLe");
    if (!ok) return void 0;
  }
  return { kind: "range", ...range };
}
function compareBound(type, a, b) {
  if (type === "version") {
    const x2 = parseVersion(a);
    const y2 = parseVersion(b);
    return x2 && y2 ? compareVersions(x2, y2) : void 0;
  }
  const x = parseGoIntFast(a);
  const y = parseGoIntFast(b);
  if (x === void 0 || y === void 0) return void 0;
  return x < y ? -1 : x > y ? 1 : 0;
}
function tighter(type, side, a, b) {
  if (!a) return b;
  const c = boundOrder(type, side, a, b);
  return c >= 0 ? a : b;
}
function boundOrder(type, side, a, b) {
  const c = compareBound(type, a.value, b.value) ?? 0;
  if (c !== 0) return side === "lo" ? c : -c;
  if (a.inclusive === b.inclusive) return 0;
  return a.inclusive ? -1 : 1;
}
function rangeRelation(before, after) {
  const side = (s) => {
    const b = before[s];
    const a = after[s];
    if (!a && !b) return 0;
    if (!b) return 1;
    if (!a) return -1;
    return Math.sign(boundOrder(before.type, s, a, b));
  };
  const lo = side("lo");
  const hi = side("hi");
  if (lo >= 0 && hi >= 0 && lo + hi > 0) return "tightened";
  if (lo <= 0 && hi <= 0 && lo + hi < 0) return "loosened";
  return "changed";
}
function setRelation(after, before) {
  const sub = [...after].every((v) => before.has(v));
  const sup = [...before].every((v) => after.has(v));
  if (sub && !sup) return "tightened";
  if (sup && !sub) return "loosened";
  return "changed";
}
function invert(kind) {
  return kind === "tightened" ? "loosened" : kind === "loosened" ? "tightened" : kind;
}
var SYMBOLS = { Gt: ">", Ge: ">=", Lt: "<", Le: "<=" };
function describeExpression(e) {
  const v = e.value ?? [];
  const suffix = e.type === "version" ? " (version)" : "";
  const sym = SYMBOLS[e.op];
  if (sym) return `${sym} ${v[0] ?? ""}${suffix}`;
  switch (e.op) {
    case "GtLt":
      return `> ${v[0]}, < ${v[1]}${suffix}`;
    case "GeLe":
      return `>= ${v[0]}, <= ${v[1]}${suffix}`;
    case "Exists":
      return "exists";
    case "DoesNotExist":
      return "does not exist";
    case "IsTrue":
      return "is true";
    case "IsFalse":
      return "is false";
    case "In":
      return `in [${v.join(", ")}]`;
    case "NotIn":
      return `not in [${v.join(", ")}]`;
    case "InRegexp":
      return `matches [${v.join(", ")}]`;
  }
  return `${e.op} [${v.join(", ")}]`;
}
function describeRequirement(list) {
  return list.map(describeExpression).join(" and ");
}
function describe(r) {
  return r.versions ? describeVersions(r.versions) : describeRequirement(r.expressions);
}

// src/check/fleet.ts
var AMD64_VENDORS = /* @__PURE__ */ new Set(["Intel", "AMD", "Hygon", "VIA", "Zhaoxin"]);
var ARM64_VENDORS = /* @__PURE__ */ new Set([
  "ARM",
  "Ampere",
  "NVIDIA",
  "Qualcomm",
  "Fujitsu",
  "Apple",
  "Cavium",
  "Marvell",
  "Broadcom",
  "HiSilicon"
]);
function hostArchitecture(features) {
  const config = features.attributes?.["kernel.config"]?.elements ?? {};
  if ("ARM64" in config) return "arm64";
  if ("X86_64" in config) return "amd64";
  const vendor = features.attributes?.["cpu.model"]?.elements?.vendor_id;
  if (vendor && AMD64_VENDORS.has(vendor)) return "amd64";
  if (vendor && ARM64_VENDORS.has(vendor)) return "arm64";
  const flags = features.flags?.["cpu.cpuid"]?.elements ?? {};
  if ("ASIMD" in flags) return "arm64";
  if ("SSE2" in flags || "SSE42" in flags || "AVX" in flags) return "amd64";
  return void 0;
}
function platformArchitecture(platform) {
  return platform.split("/")[1] || void 0;
}
function platformsFor(architecture, platforms) {
  if (!architecture) return [...platforms];
  return platforms.filter((p) => {
    const arch = platformArchitecture(p);
    return arch === void 0 || arch === architecture;
  });
}
function matchingSets(spec, features) {
  if (!spec) return [];
  const results = evaluateSpec(spec, features, { reports: false });
  return results.flatMap(
    (r, i) => r.rules.every((rule) => rule.isMatch) ? [setName(spec.spec.compatibilities[i], i)] : []
  );
}
function compiled(specs) {
  return new Map([...specs].map(([platform, spec]) => [platform, compileSpec(spec)]));
}
function fleetImpact(before, after, hosts) {
  const platforms = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  const specsBefore = compiled(before);
  const specsAfter = compiled(after);
  const impacts = hosts.map((host) => {
    const architecture = hostArchitecture(host.features);
    const mine = platformsFor(architecture, platforms);
    const label = (p, set) => mine.length > 1 && p ? `${p}: ${set}` : set;
    const sets = (specs) => mine.flatMap((p) => matchingSets(specs.get(p), host.features).map((s) => label(p, s)));
    const errors = [];
    const safely = (specs, side) => {
      try {
        return sets(specs);
      } catch (err) {
        if (!(err instanceof EvaluationError)) throw err;
        errors.push(`${side}: ${err.message}`);
        return [];
      }
    };
    const b = safely(specsBefore, "before");
    const a = safely(specsAfter, "after");
    return {
      name: host.name,
      ...architecture && { architecture },
      platforms: mine,
      before: b,
      after: a,
      admittedBefore: b.length > 0,
      admittedAfter: a.length > 0,
      ...errors.length && { errors }
    };
  });
  return {
    hosts: impacts,
    excluded: impacts.filter((h) => h.admittedBefore && !h.admittedAfter).map((h) => h.name),
    admitted: impacts.filter((h) => !h.admittedBefore && h.admittedAfter).map((h) => h.name)
  };
}

// src/check/index.ts
function alignPlatforms(before, after) {
  const onlyAll = (m) => m.size === 1 && m.has("");
  const named = (m) => [...m.keys()].filter((k) => k !== "");
  const spread = (m, keys) => new Map(keys.map((k) => [k, m.get("")]));
  if (onlyAll(before) && named(after).length) return [spread(before, named(after)), new Map(after)];
  if (onlyAll(after) && named(before).length) return [new Map(before), spread(after, named(before))];
  return [new Map(before), new Map(after)];
}

// src/commands/check.ts
import { execFile } from "node:child_process";
import { lstat, readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
function baselineOf(opts, baseRef) {
  if (opts.baseImage) return { kind: "image", source: opts.baseImage };
  if (opts.baseConfig) return { kind: "config", source: opts.baseConfig };
  if (baseRef) return { kind: "ref", source: baseRef };
  throw new InputError(
    "no baseline to compare with",
    {},
    `give ${setting("base-ref")}, ${setting("base-config")} or ${setting("base-image")} (or ${setting("event")} with a pull_request payload)`
  );
}
async function real(file) {
  try {
    return await realpath(file);
  } catch {
    return file;
  }
}
async function check(opts) {
  const cwd = await real(path.resolve(opts.cwd ?? process.cwd()));
  const configArg = opts.config ?? DEFAULT_CONFIG_PATH;
  const configFile = await real(path.resolve(cwd, configArg));
  const notes = [];
  const given = [opts.baseRef, opts.baseConfig, opts.baseImage, opts.baseContent].filter(
    (b) => b !== void 0
  );
  if (given.length > 1)
    throw new InputError(
      `give at most one of ${setting("base-ref")}, ${setting("base-config")} and ${setting("base-image")}`
    );
  if (opts.fleet !== void 0 && opts.fleetImage !== void 0)
    throw new InputError(`give ${setting("fleet")} or ${setting("fleet-image")}, not both`);
  const pr = opts.event ? await changeOfEvent(opts.event) : void 0;
  if (opts.event && !pr)
    notes.push(
      `${opts.event}: not a pull_request, merge_group or push event with a base: its SHAs are not used`
    );
  const baseRef = opts.baseRef ?? opts.baseContent?.ref ?? (opts.baseConfig || opts.baseImage ? void 0 : pr?.base);
  if (baseRef !== void 0 && (baseRef === "" || baseRef.startsWith("-"))) {
    throw new InputError(`base ref ${JSON.stringify(baseRef)} is not a git ref`);
  }
  const baseline = baselineOf(opts, baseRef);
  const display = (abs) => path.relative(cwd, abs) || abs;
  const toLint = /* @__PURE__ */ new Map([[configFile, configArg]]);
  const changed = await changedFiles(opts, cwd, pr, baseRef, notes);
  for (const file of changed) {
    const abs = await real(file);
    if (!toLint.has(abs)) toLint.set(abs, display(abs));
  }
  const files = [];
  for (const file of opts.files ?? []) {
    const missing = await stat(path.resolve(cwd, file)).then(
      () => false,
      () => true
    );
    if (missing) {
      toLint.delete(await real(path.resolve(cwd, file)));
      files.push({
        file,
        diagnostics: [{ severity: "error", message: "cannot read: no such file", position: { file } }]
      });
    }
  }
  let configLint;
  for (const [abs, name] of toLint) {
    const result2 = await lintFile(abs, name, abs === configFile);
    if (result2) files.push(result2);
    if (abs === configFile) configLint = result2;
  }
  const all = files.flatMap((f) => f.diagnostics);
  const lint = {
    files,
    errors: all.filter((d) => d.severity === "error").length,
    warnings: all.filter((d) => d.severity === "warning").length
  };
  const result = {
    config: configArg,
    baseline,
    lint,
    compared: false,
    platforms: [],
    changes: [],
    notes
  };
  if (configLint?.diagnostics.some((d) => d.severity === "error")) {
    notes.push(`${configArg} has errors: nothing compared`);
    return result;
  }
  const { config } = parseConfig(await readSource(configFile), configArg);
  const head = compileForPlatforms(config);
  let base;
  if (baseline.kind === "image")
    base = await publishedSpecs(baseline.source, [...head.keys()], opts.registry ?? { plainHttp: false });
  else if (baseline.kind === "config")
    base = await configSpecs(await readSource(path.resolve(cwd, baseline.source)), baseline.source, notes);
  else if (opts.baseContent) base = await configAtBase(opts.baseContent, configArg, notes);
  else base = await configAtRef(cwd, configFile, baseline.source, notes);
  const [before, after] = alignPlatforms(base, head);
  const platforms = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  result.compared = true;
  result.platforms = platforms;
  result.changes = platforms.flatMap((p) => diffSpecs(before.get(p), after.get(p), p));
  if (opts.fleet) result.fleet = fleetImpact(before, after, await loadFleet(path.resolve(cwd, opts.fleet)));
  if (opts.fleetImage) {
    const hosts = await fleetOfImage(
      {
        image: opts.fleetImage,
        ...opts.registry,
        ...opts.fleetPolicy && { policy: opts.fleetPolicy }
      },
      notes
    );
    result.fleet = fleetImpact(before, after, hosts);
  }
  return result;
}
async function git(cwd, args) {
  return new Promise((resolve, reject) => {
    execFile("git", args, { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" }, (err, stdout, stderr) => {
      if (err) reject(new GitError(`git ${args.join(" ")}: ${(stderr || err.message).trim()}`));
      else resolve(stdout);
    });
  });
}
var GitError = class extends Error {
};
async function repositoryRoot(cwd) {
  return (await git(cwd, ["rev-parse", "--show-toplevel"])).trim();
}
async function changedFiles(opts, cwd, pr, baseRef, notes) {
  if (opts.files?.length || opts.baseContent) return (opts.files ?? []).map((f) => path.resolve(cwd, f));
  const range = pr ? [`${pr.base}...${pr.head}`] : baseRef ? [baseRef] : void 0;
  if (!range) {
    notes.push("no pull request and no base ref: only the config is linted");
    return [];
  }
  try {
    const root = await repositoryRoot(cwd);
    const out = await git(cwd, ["diff", "--name-only", "--no-renames", "-z", ...range, "--"]);
    return out.split("\0").filter(Boolean).map((name) => path.join(root, name));
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new InputError(
      `cannot list the changed files: ${err.message}`,
      {},
      pr ? "check out with fetch-depth: 0 so that both SHAs and their merge base are present" : void 0
    );
  }
}
async function configAtRef(cwd, configFile, ref, notes) {
  let root;
  try {
    root = await repositoryRoot(path.dirname(configFile));
  } catch (err) {
    if (!(err instanceof GitError)) throw err;
    throw new InputError(
      `${setting("base-ref")} ${ref}: ${path.relative(cwd, configFile)} is not in a git repository`
    );
  }
  const rel = path.relative(root, configFile).split(path.sep).join("/");
  try {
    await git(root, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new InputError(
      `base ref ${JSON.stringify(ref)} is not a commit in this repository`,
      {},
      "fetch it first, or check out with fetch-depth: 0"
    );
  }
  let text;
  try {
    text = await git(root, ["show", `${ref}:${rel}`]);
  } catch {
    notes.push(`${rel} does not exist at ${ref}: every requirement is new`);
    return /* @__PURE__ */ new Map();
  }
  return configSpecs(text, `${ref}:${rel}`, notes);
}
async function configAtBase(base, configArg, notes) {
  if (base.text === void 0) {
    notes.push(`${configArg} does not exist at ${base.ref}: every requirement is new`);
    return /* @__PURE__ */ new Map();
  }
  return configSpecs(base.text, `${base.ref}:${configArg}`, notes);
}
async function configSpecs(text, name, notes) {
  try {
    return compileForPlatforms(parseConfig(text, name).config);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    notes.push(`the base config does not compile (${err.message}): compared with nothing`);
    return /* @__PURE__ */ new Map();
  }
}
async function publishedSpecs(image, platforms, registry) {
  const out = /* @__PURE__ */ new Map();
  for (const platform of platforms) {
    const found = await fetchNewestCompatibilitySpec(image, { ...registry, ...platform && { platform } });
    const name = `${image} (${found.artifact.digest})`;
    out.set(platform, parseSpec(decodeText(found.specBytes, name), name));
  }
  return out;
}
async function changeOfEvent(file) {
  let payload;
  try {
    payload = JSON.parse(await readText(file, { maxBytes: LIMITS.document, what: "the event payload" }));
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw new InputError(`the event payload is not JSON: ${err.message.slice(0, LIMITS.echo)}`, {
      file
    });
  }
  const object = payload !== null && typeof payload === "object" ? payload : void 0;
  const name = eventNameOf(object);
  if (!name) return void 0;
  const change = changeOf(name, object);
  if (!change)
    throw new InputError(`the ${name} event does not name its commits by SHA`, { file, path: name });
  if (change.base === void 0) return void 0;
  return { base: change.base, head: change.head };
}
var DOCUMENT_EXTENSIONS = /\.(ya?ml|json)$/i;
async function lintFile(abs, name, always) {
  if (!always && !DOCUMENT_EXTENSIONS.test(abs)) return void 0;
  let text;
  try {
    if (!(await stat(abs)).isFile()) return void 0;
    text = await readSource(abs);
  } catch (err) {
    if (!always) return void 0;
    if (err instanceof InputError) {
      return {
        file: name,
        diagnostics: [{ severity: "error", message: err.detail, position: { file: name } }]
      };
    }
    return {
      file: name,
      diagnostics: [
        { severity: "error", message: `cannot read: ${err.message}`, position: { file: name } }
      ]
    };
  }
  if (!always) {
    try {
      if (!detectKind(parseSource(text, name).value)) return void 0;
    } catch {
      return void 0;
    }
  }
  return lintSource(text, name);
}
async function isSnapshotFile(file) {
  try {
    return (await stat(file)).isFile();
  } catch (err) {
    const link = await lstat(file).then(
      (s) => s.isSymbolicLink(),
      () => false
    );
    const why = link ? "a symbolic link to nothing (dangling)" : fsErrorDetail(err);
    throw new InputError(`cannot read a host snapshot of the fleet: ${why}`, { file });
  }
}
async function loadFleet(dir) {
  let entries;
  try {
    entries = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (err) {
    throw new InputError(`cannot read the fleet folder: ${fsErrorDetail(err)}`, { file: dir });
  }
  const hosts = [];
  const seen = /* @__PURE__ */ new Set();
  for (const entry of entries.filter((e) => DOCUMENT_EXTENSIONS.test(e))) {
    const file = path.join(dir, entry);
    if (!await isSnapshotFile(file)) continue;
    for (const host of parseFeaturesDocument(await readSource(file, MAX_FEATURES_BYTES), file)) {
      let name = host.name || entry.replace(DOCUMENT_EXTENSIONS, "");
      if (seen.has(name)) name = `${name} (${entry})`;
      seen.add(name);
      hosts.push({ name, features: host.features });
    }
  }
  if (hosts.length === 0)
    throw new InputError("no host snapshots (*.json, *.yaml) in the fleet folder", { file: dir });
  return hosts;
}

export {
  renderCheckText,
  renderCheckMarkdown,
  checkExitCode,
  checkJson,
  check
};
