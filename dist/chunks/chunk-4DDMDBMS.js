import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  specSchema
} from "./chunk-DCC5HAHI.js";
import {
  CPU_LEVELS,
  compileConfig,
  setPlatforms
} from "./chunk-QMLOPEXN.js";
import {
  require_ajv
} from "./chunk-YP5NZXMW.js";
import {
  formatPlatform,
  normalisePlatform,
  platformMatches,
  tryParsePlatform
} from "./chunk-ARJZT3GV.js";
import {
  parseSource,
  positionOf,
  readSource,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  Scalar,
  isMap,
  isScalar,
  isSeq
} from "./chunk-4PFJNI3I.js";
import {
  boundQuoted
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/config/as-written.ts
var VERSION_FIELDS = [
  ["kernel", "version"],
  ["gpu", "driver"],
  ["gpu", "computeCapability"],
  ["os", "version"]
];
function requirementPath(path) {
  if (path[0] !== "compatibilities" || typeof path[1] !== "number" || path[2] !== "require") return void 0;
  const rest = [...path.slice(3)];
  while (rest[0] === "anyOf" && typeof rest[1] === "number") rest.splice(0, 2);
  return rest;
}
function readingOf(path) {
  if (path[0] === "compatibilities" && path[2] === "rules" && path.at(-2) === "value") return "raw";
  const req = requirementPath(path);
  if (!req) return void 0;
  const r = req[0] === "os" && typeof req[1] === "number" ? ["os", ...req.slice(2)] : req;
  if (VERSION_FIELDS.some((f) => f.length === r.length && f.every((s, i) => s === r[i]))) return "version";
  if (r[0] === "kernel" && r[1] === "config" && r.length >= 3) return "version";
  return void 0;
}
function numbersAsWritten(src) {
  const warnings = [];
  const edits = [];
  const walk = (node, path) => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === "number" && node.type === Scalar.PLAIN) {
      const reading = readingOf(path);
      const text = typeof node.source === "string" ? node.source : String(node.value);
      if (!reading || !/^[+-]?[\d.]+$/.test(text)) return;
      edits.push([path, text]);
      if (reading === "raw") {
        const read = String(node.value);
        warnings.push({
          severity: "warning",
          message: read === text ? `value ${text} is not a string; compiled as "${text}"` : `unquoted ${text} is taken as written ("${text}"); in a spec, NFD (YAML 1.1) would read it as "${read}"`,
          position: positionOf(src, path),
          hint: `quote it: "${text}"`
        });
      }
    }
  };
  walk(src.doc.contents, []);
  if (!edits.length) return { value: src.value, warnings };
  const value = structuredClone(src.value);
  for (const [path, text] of edits) {
    let parent = value;
    for (const seg of path.slice(0, -1)) parent = parent[seg];
    parent[path.at(-1)] = text;
  }
  return { value, warnings };
}

// src/config/runner.ts
var ARCH_LABELS = /* @__PURE__ */ new Set(["x64", "arm64", "amd64", "aarch64"]);
function isArchLabel(label) {
  return ARCH_LABELS.has(label.toLowerCase()) || /-arm$/.test(label);
}
function isMap2(r) {
  return typeof r === "object" && !Array.isArray(r);
}
var labels = (v) => [v].flat();
function keyFor(map, platform2) {
  if (Object.hasOwn(map, platform2)) return platform2;
  return Object.keys(map).find((k) => platformMatches(k, platform2) || platformMatches(platform2, k));
}
function runnerLabels(set, platform2) {
  const r = set.runner;
  if (r === void 0) return void 0;
  if (!isMap2(r)) return labels(r);
  const key = keyFor(r, platform2);
  return key === void 0 ? void 0 : labels(r[key]);
}
function archOf(platform2) {
  const p = tryParsePlatform(platform2);
  return p ? normalisePlatform(p).architecture : void 0;
}
function runnerIssues(config) {
  const out = [];
  config.compatibilities.forEach((set, i) => {
    const r = set.runner;
    if (r === void 0) return;
    const path = ["compatibilities", i, "runner"];
    const platforms = setPlatforms(set, config) ?? [];
    const served = /* @__PURE__ */ new Map();
    const serve = (list, platform2, at) => {
      const key = JSON.stringify([...list].sort());
      const entry = served.get(key) ?? { labels: list, archs: /* @__PURE__ */ new Set(), path: at };
      const arch = archOf(platform2);
      if (arch) entry.archs.add(arch);
      served.set(key, entry);
    };
    if (isMap2(r)) {
      if (platforms.length === 0) {
        out.push({
          severity: "error",
          message: `runner is a map of platforms, but the set has no platforms`,
          path,
          hint: "give the config (or the set) platforms: [...], or make runner a label list"
        });
        return;
      }
      for (const p of platforms) {
        const key = keyFor(r, p);
        if (key === void 0) {
          out.push({
            severity: "error",
            message: `runner has no key for platform ${p}`,
            path,
            hint: `add ${JSON.stringify(p)}: [labels] (keys: ${Object.keys(r).join(", ") || "none"})`
          });
          continue;
        }
        serve(labels(r[key]), p, [...path, key]);
      }
      Object.keys(r).forEach((k) => {
        const p = tryParsePlatform(k);
        if (!p) {
          out.push({
            severity: "error",
            message: `runner key ${JSON.stringify(k)} is not os/arch[/variant]`,
            path: [...path, k]
          });
        } else if (platforms.length && !platforms.some((q) => platformMatches(k, q) || platformMatches(q, k))) {
          out.push({
            severity: "warning",
            message: `runner key ${formatPlatform(p)} is not a platform of the set (${platforms.join(", ")})`,
            path: [...path, k]
          });
        }
      });
    } else {
      for (const p of platforms) serve(labels(r), p, path);
    }
    for (const { labels: list, archs, path: at } of served.values()) {
      if (archs.size > 1 && !list.some(isArchLabel)) {
        out.push({
          severity: "warning",
          message: `runner [${list.join(", ")}] serves ${[...archs].sort().join(" and ")} with no architecture label`,
          path: at,
          hint: `route each platform to its own runners: runner: {${platforms.map((p) => `${p}: [...]`).join(", ")}}`
        });
      }
    }
  });
  return out;
}

// src/config/schema.ts
var import_ajv = __toESM(require_ajv(), 1);
var stringList = {
  type: ["string", "array"],
  items: { type: "string", minLength: 1 },
  minLength: 1,
  minItems: 1
};
var intList = {
  type: ["integer", "array"],
  items: { type: "integer", minimum: 0 },
  minimum: 0,
  minItems: 1
};
var range = {
  type: ["string", "number"],
  description: 'A semver-style range: ">=5.15 <6.9", "^535", "~1.2", "1.2 - 1.4", alternatives with "||"'
};
var count = {
  type: ["string", "integer"],
  description: 'A count: 2, ">=8", "<=4", ">=2 <=8"'
};
var platform = {
  type: "string",
  pattern: "^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$",
  description: "os/arch[/variant], e.g. linux/amd64, linux/arm64/v8"
};
var osRequirement = {
  type: "object",
  additionalProperties: false,
  properties: { id: stringList, version: range }
};
var requirements = {
  type: "object",
  additionalProperties: false,
  properties: {
    kernel: {
      type: "object",
      additionalProperties: false,
      properties: {
        version: range,
        modules: stringList,
        loadedModules: stringList,
        config: {
          type: "object",
          minProperties: 1,
          description: "Kernel options (CONFIG_ optional) and accepted values: y, m, [y, m], a number; n = not set",
          additionalProperties: {
            type: ["string", "number", "boolean", "array"],
            items: { type: ["string", "number"] },
            minItems: 1
          }
        }
      }
    },
    cpu: {
      type: "object",
      additionalProperties: false,
      properties: {
        vendor: stringList,
        level: { enum: [...CPU_LEVELS] },
        flags: stringList,
        model: {
          type: "object",
          minProperties: 1,
          additionalProperties: false,
          properties: { family: intList, id: intList }
        }
      }
    },
    gpu: {
      type: "object",
      additionalProperties: false,
      properties: {
        vendor: stringList,
        count,
        driver: range,
        computeCapability: range,
        model: stringList,
        memory: { ...count, description: 'Device memory in MiB: ">=81920"' }
      }
    },
    pci: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        properties: { vendor: stringList, device: stringList, class: stringList }
      }
    },
    sriov: {
      type: "object",
      additionalProperties: false,
      properties: { vendor: stringList, device: stringList, vfs: count, numVfs: count }
    },
    rdma: {
      type: ["boolean", "object"],
      additionalProperties: false,
      properties: { vendor: stringList, linkLayer: { type: "string" } }
    },
    os: {
      type: ["object", "array"],
      additionalProperties: false,
      properties: osRequirement.properties,
      items: osRequirement,
      minItems: 1
    },
    memory: {
      type: "object",
      additionalProperties: false,
      properties: {
        numa: { type: "boolean" },
        swap: { type: "boolean" },
        hugepages1G: count,
        hugepages2M: count,
        hugepages: {
          type: "object",
          additionalProperties: false,
          required: ["size"],
          description: 'Pages of any of these sizes: {size: [1G, 2M], count: ">=16"}',
          properties: {
            size: {
              ...stringList,
              items: { type: "string", pattern: "^\\d+[KMGkmg]$" },
              pattern: "^\\d+[KMGkmg]$"
            },
            count
          }
        }
      }
    },
    anyOf: {
      type: "array",
      minItems: 2,
      description: "Either/or: at least one of these groups of requirements (each group all required)",
      items: { $ref: "#/$defs/requirements" }
    }
  }
};
var configSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "image-compat config",
  description: "Declarative image compatibility requirements, compiled to NFD image compatibility specs.",
  type: "object",
  additionalProperties: false,
  required: ["version", "compatibilities"],
  properties: {
    version: { const: 1 },
    platforms: { type: "array", items: platform, uniqueItems: true },
    compatibilities: { type: "array", minItems: 1, items: { $ref: "#/$defs/compatibility" } }
  },
  $defs: {
    compatibility: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9._-]*$" },
        description: { type: "string" },
        weight: { type: "integer" },
        platforms: { type: "array", items: platform, uniqueItems: true, minItems: 1 },
        targets: {
          description: "The manifests of the image index this set is for, instead of platforms: each selector names a platform (variant included, compared exactly) and/or annotations of the index descriptor (all equal); a manifest any selector matches is targeted",
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            additionalProperties: false,
            minProperties: 1,
            properties: {
              platform,
              annotations: {
                type: "object",
                minProperties: 1,
                additionalProperties: { type: "string" }
              }
            }
          }
        },
        runner: {
          description: "Where plan routes the set: a label, a list of labels, or a map from platform (os/arch[/variant]) to a label or list",
          anyOf: [
            stringList,
            {
              type: "object",
              minProperties: 1,
              propertyNames: { pattern: platform.pattern },
              additionalProperties: stringList
            }
          ]
        },
        require: { $ref: "#/$defs/requirements" },
        rules: { type: "array", items: { $ref: "#/$defs/rule" } }
      }
    },
    requirements,
    // Raw rules are NFD rules: the spec's own schema definitions.
    rule: specSchema.$defs.rule,
    featureMatcher: specSchema.$defs.featureMatcher,
    term: specSchema.$defs.term,
    expression: specSchema.$defs.expression
  }
};
var validator;
function configValidator() {
  validator ??= new import_ajv.Ajv({ allErrors: true, verbose: true, strict: false }).compile(configSchema);
  return validator;
}

// src/config/load.ts
function checkConfigDocument(src) {
  const written = numbersAsWritten(src);
  const errors = schemaErrors(configValidator(), written.value);
  if (errors) return { diagnostics: schemaDiagnostics(src, errors) };
  const config = written.value;
  const compiled = compileConfig(config);
  const diagnostics = [...written.warnings];
  diagnostics.push(
    ...[...compiled.issues, ...runnerIssues(config)].map((issue) => ({
      severity: issue.severity,
      message: boundQuoted(issue.message),
      position: positionOf(src, issue.path),
      hint: issue.hint
    }))
  );
  return { config, compiled, diagnostics };
}
function parseConfig(text, file) {
  const src = parseSource(text, file);
  const checked = checkConfigDocument(src);
  throwFirstError(checked.diagnostics);
  return {
    config: checked.config,
    src,
    warnings: checked.diagnostics.filter((d) => d.severity === "warning")
  };
}
async function loadConfig(file) {
  return parseConfig(await readSource(file), file);
}

export {
  runnerLabels,
  checkConfigDocument,
  parseConfig,
  loadConfig
};
