import {
  LOCAL_FEATURE,
  LOCAL_KEY_PREFIX,
  MAX_LOCAL_INSTANCES,
  attributeKey,
  instanceAttributeKey,
  instanceKey,
  ownFeatureKind,
  presenceKey
} from "./chunk-T3PCSXR4.js";
import {
  selectSets
} from "./chunk-VHXEUIKY.js";
import {
  tryParsePlatform
} from "./chunk-ARJZT3GV.js";
import {
  FEATURE_CATALOG
} from "./chunk-ZBJJTEMS.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";

// src/kubernetes/label-names.ts
var DEFAULT_LABEL_PREFIX = "image-compat.dev";
var NAME_MAX = 63;
var PREFIX_MAX = 253;
var NAME_RE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
var DNS_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
function isDnsSubdomain(s) {
  return s.length > 0 && s.length <= PREFIX_MAX && s.split(".").every((p) => DNS_LABEL_RE.test(p));
}
function isLabelName(s) {
  return s.length <= NAME_MAX && NAME_RE.test(s);
}
function checkLabelPrefix(prefix, what) {
  if (!isDnsSubdomain(prefix)) {
    throw new InputError(
      `${what} ${JSON.stringify(prefix)} is not a DNS subdomain (lower-case a-z, 0-9, '-' and '.', at most 253 characters)`,
      {},
      `e.g. ${DEFAULT_LABEL_PREFIX}`
    );
  }
}
function shortHash(text) {
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex").slice(0, 10);
}
function labelName(text, max = NAME_MAX) {
  if (text.length <= max && NAME_RE.test(text)) return text;
  const hash = shortHash(text);
  const cleaned = text.replace(/[^-A-Za-z0-9_.]/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, max - hash.length - 1).replace(/[^A-Za-z0-9]+$/, "");
  return cleaned ? `${cleaned}-${hash}` : hash;
}
function objectName(text) {
  if (isDnsSubdomain(text)) return text;
  const hash = shortHash(text);
  const cleaned = text.toLowerCase().split(".").map((part) => part.replace(/[^-a-z0-9]/g, "-").replace(/^-+|-+$/g, "")).filter((part) => part !== "").join(".").slice(0, PREFIX_MAX - hash.length - 1).replace(/[^a-z0-9]+$/, "");
  const name = cleaned ? `${cleaned}-${hash}` : hash;
  return isDnsSubdomain(name) ? name : hash;
}

// src/kubernetes/translate.ts
var RULE_MATCHED = "rule.matched";
var EXISTS = { op: "Exists" };
var TRUE = { op: "In", value: ["true"] };
function put(m, key, value) {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}
function refuse(ctx, term, why) {
  throw new InputError(
    `${ctx.where}, feature ${term.feature}: ${why}`,
    {},
    'see docs/kubernetes.md, "What cannot be generated"'
  );
}
function translateTerm(term, ctx) {
  const feature = term.feature.toLowerCase();
  const exprs = Object.entries(term.matchExpressions ?? {});
  if (feature === RULE_MATCHED || feature === LOCAL_FEATURE) {
    if (term.matchName) {
      refuse(
        ctx,
        term,
        `matchName would also see the keys nfd-master adds (${ctx.reserved}*, other objects' vars)`
      );
    }
    for (const [key2] of exprs) {
      if (key2.startsWith(ctx.reserved)) refuse(ctx, term, `key ${key2} is reserved for the generated rules`);
    }
    if (feature === RULE_MATCHED && ctx.first) {
      return { feature: RULE_MATCHED, matchExpressions: { [`${ctx.reserved}never`]: EXISTS } };
    }
    return term;
  }
  const kind = ownFeatureKind(feature);
  if (kind === void 0) return term;
  if (kind === "flag") refuse(ctx, term, "a flag feature of ours has no NFD local form");
  if (term.matchName) refuse(ctx, term, "matchName on our own features has no NFD local form");
  if (ctx.templated) {
    refuse(ctx, term, "varsTemplate would expand over local.feature instead of this feature");
  }
  ctx.local.add(feature);
  if (kind === "attribute") {
    const m = {};
    put(m, presenceKey(feature), EXISTS);
    for (const [key2, e] of exprs) put(m, attributeKey(feature, key2), e);
    return { feature: LOCAL_FEATURE, matchExpressions: m };
  }
  const { name, key } = ctx.helper();
  const slots = Array.from({ length: MAX_LOCAL_INSTANCES }, (_, i) => {
    const m = {};
    put(m, instanceKey(feature, i), EXISTS);
    for (const [k, e] of exprs) put(m, instanceAttributeKey(feature, i, k), e);
    return { matchFeatures: [{ feature: LOCAL_FEATURE, matchExpressions: m }] };
  });
  ctx.helpers.push({ name, matchAny: slots, vars: { [key]: "true" } });
  return { feature: RULE_MATCHED, matchExpressions: { [key]: TRUE } };
}

// src/kubernetes/types.ts
var NFD_API_VERSION = "nfd.k8s-sigs.io/v1alpha1";

// src/kubernetes/node-feature-rule.ts
function setName(set, index) {
  return set.tag ?? `set${index + 1}`;
}
function setLabels(prefix, image, sets) {
  const first = sets.map(({ set, index }) => labelName(`${image}.${setName(set, index)}`));
  return sets.map(({ set, index }, i) => {
    const dup = first.filter((l) => l === first[i]).length > 1;
    const name = dup ? labelName(`${image}.${setName(set, index)}#${index + 1}`, 62) : first[i];
    return `${prefix}/${name}`;
  });
}
function where(set, index, rule) {
  const label = set.tag ? `#${index + 1} (tag ${JSON.stringify(set.tag)})` : `#${index + 1}`;
  return `compatibility set ${label}, rule ${JSON.stringify(rule.name)}`;
}
function generateNodeFeatureRule(spec, opts) {
  const prefix = opts.labelPrefix ?? DEFAULT_LABEL_PREFIX;
  checkLabelPrefix(prefix, setting("label-prefix"));
  if (!opts.name) throw new InputError(`${setting("name")} is empty: the image's name is needed for labels`);
  const image = isLabelName(opts.name) ? opts.name : labelName(opts.name, 40);
  const reserved = `${prefix}/`;
  const selected = selectSets(spec, opts.tags);
  if (!selected.length) throw new InputError(`no compatibility set selected (tags ${opts.tags?.join(",")})`);
  const labels = setLabels(prefix, image, selected);
  const rules = [];
  let first = true;
  const local = /* @__PURE__ */ new Set();
  selected.forEach(({ set, index }, s) => {
    const matchKeys = [];
    set.rules.forEach((rule, r) => {
      const base = `${image}.s${index + 1}.r${r + 1}`;
      const matchKey = `${reserved}${base}`;
      for (const key of Object.keys(rule.vars ?? {})) {
        if (key.startsWith(reserved)) {
          throw new InputError(
            `${where(set, index, rule)}: var ${key} is in ${reserved}, reserved for the generated rules`
          );
        }
      }
      let helpers = 0;
      const ctx = {
        where: where(set, index, rule),
        reserved,
        first,
        templated: Boolean(rule.varsTemplate),
        helper: () => {
          helpers += 1;
          return { name: `${base}.t${helpers} ${rule.name}`, key: `${matchKey}.t${helpers}` };
        },
        helpers: [],
        local
      };
      const terms = (ts) => ts?.map((t) => translateTerm(t, ctx));
      const matchFeatures = rule.matchFeatures?.length ? terms(rule.matchFeatures) : void 0;
      const matchAny = rule.matchAny?.length ? rule.matchAny.map((e) => ({ matchFeatures: terms(e.matchFeatures) ?? [] })) : void 0;
      rules.push(...ctx.helpers);
      const template = rule.varsTemplate ? { varsTemplate: rule.varsTemplate } : {};
      rules.push({
        name: `${base} ${rule.name}`,
        ...matchFeatures && { matchFeatures },
        ...matchAny && { matchAny },
        vars: { ...rule.vars ?? {}, [matchKey]: "true" },
        ...template
      });
      const hasVars = Object.keys(rule.vars ?? {}).length > 0;
      if (matchAny && (hasVars || matchFeatures && rule.varsTemplate)) {
        rules.push({
          name: `${base}.vars ${rule.name}`,
          ...matchFeatures && { matchFeatures },
          ...hasVars && { vars: { ...rule.vars } },
          ...matchFeatures && template
        });
      }
      matchKeys.push(matchKey);
      first = false;
    });
    const expressions = Object.fromEntries(matchKeys.map((k) => [k, { op: "In", value: ["true"] }]));
    rules.push({
      name: `${image}.s${index + 1} ${labels[s]}`,
      ...matchKeys.length && { matchFeatures: [{ feature: RULE_MATCHED, matchExpressions: expressions }] },
      labels: { [labels[s]]: "true" }
    });
  });
  return {
    object: {
      apiVersion: NFD_API_VERSION,
      kind: "NodeFeatureRule",
      metadata: { name: objectName(`image-compat-${image}`) },
      spec: { rules }
    },
    localFeatures: [...local].sort(),
    sets: selected.map(({ set, index }, s) => ({
      index,
      ...set.tag !== void 0 && { tag: set.tag },
      label: labels[s]
    }))
  };
}

// src/kubernetes/node-affinity.ts
function nodeAffinity(sets, platforms = []) {
  const parsed = platforms.map((p) => tryParsePlatform(p)).filter((p) => p !== void 0);
  const os = [...new Set(parsed.map((p) => p.os))];
  const arch = [...new Set(parsed.map((p) => p.architecture))];
  const platformTerms = parsed.length ? [
    { key: "kubernetes.io/os", operator: "In", values: os },
    { key: "kubernetes.io/arch", operator: "In", values: arch }
  ] : [];
  return {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: sets.map((s) => ({
            matchExpressions: [{ key: s.label, operator: "In", values: ["true"] }, ...platformTerms]
          }))
        }
      }
    }
  };
}

// src/kubernetes/local-read.ts
var PREFIX = `${LOCAL_KEY_PREFIX}/`;
var OWN = [...FEATURE_CATALOG.values()].filter((e) => e.source === "image-compat");
function put2(m, key, value) {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}
function ownFeaturesFromLocal(features) {
  const local = features.attributes?.[LOCAL_FEATURE]?.elements;
  if (!local || !Object.keys(local).some((k) => k.startsWith(PREFIX))) return features;
  const rest = {};
  const attributes = { ...features.attributes };
  const instances = { ...features.instances };
  const attrs = /* @__PURE__ */ new Map();
  const insts = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(local)) {
    const own = key.startsWith(PREFIX) ? OWN.find(
      (e) => key.slice(PREFIX.length) === e.name || key.slice(PREFIX.length).startsWith(`${e.name}.`)
    ) : void 0;
    if (!own) {
      put2(rest, key, value);
      continue;
    }
    const tail = key.slice(PREFIX.length + own.name.length + 1);
    if (own.kind === "attribute") {
      if (!attrs.has(own.name)) attrs.set(own.name, {});
      if (tail) put2(attrs.get(own.name), tail, value);
    } else if (own.kind === "instance") {
      if (!insts.has(own.name)) insts.set(own.name, /* @__PURE__ */ new Map());
      const m = /^(\d+)(?:\.(.+))?$/.exec(tail);
      if (!m) continue;
      const slots = insts.get(own.name);
      const i = Number(m[1]);
      if (!slots.has(i)) slots.set(i, {});
      if (m[2] !== void 0) put2(slots.get(i), m[2], value);
    }
  }
  for (const [name, elements] of attrs) if (!attributes[name]) attributes[name] = { elements };
  for (const [name, slots] of insts) {
    if (instances[name]) continue;
    const elements = [...slots.entries()].sort(([a], [b]) => a - b).map(([, attributes2]) => ({ attributes: attributes2 }));
    instances[name] = { elements };
  }
  attributes[LOCAL_FEATURE] = { elements: rest };
  return { ...features, attributes, instances };
}

export {
  DEFAULT_LABEL_PREFIX,
  generateNodeFeatureRule,
  nodeAffinity,
  ownFeaturesFromLocal
};
