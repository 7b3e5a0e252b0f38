import {
  nfdDiagnostics
} from "./chunk-GTYZII3F.js";
import {
  formatFloat32,
  formatPath,
  goKey,
  goPlainValue,
  goString,
  parseSource,
  resolvePlain,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError
} from "./chunk-CC76JYNC.js";
import {
  Document,
  Scalar,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit
} from "./chunk-4PFJNI3I.js";
import {
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/spec/yaml11.ts
var expression = { struct: { op: "string", value: { seq: "string" }, type: "string" } };
var terms = {
  seq: { struct: { feature: "string", matchExpressions: { map: expression }, matchName: expression } }
};
var rule = {
  struct: {
    name: "string",
    vars: { map: "string" },
    varsTemplate: "string",
    labels: { map: "string" },
    labelsTemplate: "string",
    annotations: { map: "string" },
    extendedResources: { map: "string" },
    matchFeatures: terms,
    matchAny: { seq: { struct: { matchFeatures: terms } } }
  }
};
var SPEC = {
  struct: {
    version: "string",
    compatibilities: {
      seq: { struct: { rules: { seq: rule }, weight: "other", tag: "string", description: "string" } }
    }
  }
};
function nfdSource(src) {
  const diagnostics = [];
  const unlisted = { error: 0, warning: 0 };
  const reported = /* @__PURE__ */ new Set();
  const report = (severity, node, path, message, hint) => {
    if (node && reported.has(node)) return;
    if (node) reported.add(node);
    if (diagnostics.length >= LIMITS.problems) {
      unlisted[severity]++;
      return;
    }
    const { line, col } = src.lines.linePos(node?.range?.[0] ?? 0);
    diagnostics.push({
      severity,
      message,
      position: { file: src.file, line, column: col, path: formatPath(path) },
      hint
    });
  };
  const misread = (node, path, read) => report(
    "warning",
    node,
    path,
    `unquoted ${node.source} is read by NFD (YAML 1.1) as ${read}`,
    `quote it: "${node.source}"`
  );
  const walk = (node, target, path) => {
    if (isAlias(node)) return walk(node.resolve(src.doc), target, path);
    if (node === null || node === void 0) return target === "string" ? "" : null;
    if (isScalar(node)) return scalar(node, target, path);
    if (isSeq(node)) {
      const elem = typeof target === "object" && "seq" in target ? target.seq : "other";
      return node.items.map((item, i) => walk(item, elem, [...path, i]));
    }
    if (isMap(node)) {
      const out = {};
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = key(pair.key, path);
        if (k === void 0) continue;
        const child = typeof target === "object" && "struct" in target ? target.struct[k.name] ?? "other" : typeof target === "object" && "map" in target ? target.map : "other";
        const prev = seen.get(k.name);
        if (prev !== void 0 && prev !== k.written) {
          report(
            "error",
            pair.key,
            [...path, k.written],
            `NFD reads both ${prev} and ${k.written} as the key "${k.name}" (and keeps either one)`,
            `quote it: "${k.written}"`
          );
        }
        seen.set(k.name, k.written);
        Object.defineProperty(out, k.name, {
          value: walk(pair.value, child, [...path, k.written]),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      return out;
    }
    return null;
  };
  const key = (node, path) => {
    if (!isScalar(node)) {
      report("error", node, path, "NFD accepts only scalar map keys");
      return void 0;
    }
    if (!isPlain(node)) return { name: String(node.value), written: String(node.value) };
    const written = node.source;
    const read = goKey(resolvePlain(written));
    if ("problem" in read) {
      report(
        "error",
        node,
        [...path, written],
        `unquoted ${written} is ${read.problem}`,
        `quote it: "${written}"`
      );
      return void 0;
    }
    if (read.value !== written) misread(node, [...path, written], JSON.stringify(read.value));
    return { name: read.value, written };
  };
  const scalar = (node, target, path) => {
    if (!isPlain(node)) {
      const v2 = node.value;
      if (target !== "string") return v2;
      if (typeof v2 === "number") return formatFloat32(v2);
      if (typeof v2 === "boolean" || typeof v2 === "bigint") return String(v2);
      return v2 === null ? "" : v2;
    }
    const r = resolvePlain(node.source);
    if (target === "string") {
      const s = goString(r);
      if ("problem" in s) {
        report("error", node, path, `unquoted ${node.source} is ${s.problem}`, `quote it: "${node.source}"`);
        return node.source;
      }
      if (s.value !== node.source) misread(node, path, JSON.stringify(s.value));
      return s.value;
    }
    const v = goPlainValue(r);
    if (typeof v === "number" && typeof node.value === "number" && v !== node.value) {
      report(
        "warning",
        node,
        path,
        `unquoted ${node.source} is read by NFD (YAML 1.1) as ${v}`,
        `write ${v}`
      );
    }
    return v;
  };
  const value = walk(src.doc.contents, SPEC, []);
  for (const severity of ["error", "warning"]) {
    if (unlisted[severity]) {
      diagnostics.push({
        severity,
        message: `and ${unlisted[severity]} more ${severity}s of how NFD reads the document (the first ${LIMITS.problems} are listed)`,
        position: { file: src.file }
      });
    }
  }
  return { src: { ...src, value }, diagnostics };
}
function isPlain(node) {
  return node.type === Scalar.PLAIN && !node.tag && typeof node.source === "string";
}
function yaml11Special(s) {
  return resolvePlain(s).kind !== "str";
}

// src/spec/serialize.ts
function expression2(e) {
  const out = { op: e.op ?? "" };
  if (e.value !== void 0) out.value = e.value.map(String);
  if (e.type !== void 0) out.type = e.type;
  return out;
}
function term(t) {
  const out = { feature: t.feature };
  if (t.matchExpressions) {
    out.matchExpressions = Object.fromEntries(
      Object.entries(t.matchExpressions).map(([k, e]) => [k, expression2(e)])
    );
  }
  if (t.matchName) out.matchName = expression2(t.matchName);
  return out;
}
function rule2(r) {
  const out = { name: r.name };
  if (r.matchFeatures) out.matchFeatures = r.matchFeatures.map(term);
  if (r.matchAny) out.matchAny = r.matchAny.map((a) => ({ matchFeatures: a.matchFeatures.map(term) }));
  if (r.vars) out.vars = { ...r.vars };
  if (r.varsTemplate !== void 0) out.varsTemplate = r.varsTemplate;
  return out;
}
function compatibility(c) {
  const out = {};
  if (c.description !== void 0) out.description = c.description;
  if (c.tag !== void 0) out.tag = c.tag;
  if (c.weight !== void 0) out.weight = c.weight;
  out.rules = c.rules.map(rule2);
  return out;
}
function canonicalSpec(spec) {
  return { version: spec.version, compatibilities: spec.compatibilities.map(compatibility) };
}
function serializeSpec(spec) {
  const doc = new Document(canonicalSpec(spec), { version: "1.1", aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && yaml11Special(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, node) {
      if (node.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === "op")) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "value" && isSeq(pair.value)) pair.value.flow = true;
    }
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}

// src/spec/schema.validate.ts
var validate = validate10;
var schema11 = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "NFD image compatibility spec v1alpha1",
  type: "object",
  additionalProperties: false,
  required: ["version", "compatibilities"],
  properties: {
    version: { const: "v1alpha1" },
    compatibilities: { type: "array", minItems: 1, items: { $ref: "#/$defs/compatibility" } }
  },
  $defs: {
    compatibility: {
      type: "object",
      description: "A compatibility set: one way the image can run. Sets are alternatives.",
      additionalProperties: false,
      required: ["rules"],
      properties: {
        description: { type: "string" },
        tag: { type: "string", description: "Selects the set with --tags; give every set a unique tag." },
        weight: { type: "integer", description: "Node-affinity weight." },
        rules: { type: "array", items: { $ref: "#/$defs/rule" } }
      }
    },
    rule: {
      type: "object",
      description: "An NFD GroupRule: matches when matchAny (if any) and matchFeatures (if any) match.",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: { type: "string", description: "Name of the rule, shown in reports." },
        matchFeatures: { $ref: "#/$defs/featureMatcher" },
        matchAny: {
          type: "array",
          description: "Alternatives (logical OR), each a matchFeatures list.",
          items: {
            type: "object",
            additionalProperties: false,
            required: ["matchFeatures"],
            properties: { matchFeatures: { $ref: "#/$defs/featureMatcher" } }
          }
        },
        vars: {
          type: "object",
          description: "Variables later rules can match as the rule.matched feature.",
          additionalProperties: { type: "string" }
        },
        varsTemplate: {
          type: "string",
          description: "Go text/template over the matched features, giving key=value lines of more vars (at most 64 KiB; see docs/spec.md for the functions)."
        }
      }
    },
    featureMatcher: {
      type: "array",
      description: "Terms that must all match (logical AND).",
      items: { $ref: "#/$defs/term" }
    },
    term: {
      type: "object",
      description: "One feature and the expressions its elements must satisfy.",
      additionalProperties: false,
      required: ["feature"],
      properties: {
        feature: { type: "string", description: "Feature name, e.g. kernel.loadedmodule or pci.device." },
        matchExpressions: {
          type: "object",
          description: "Element name -> expression; all must hold (for instances: all in one instance).",
          additionalProperties: { $ref: "#/$defs/expression" }
        },
        matchName: { $ref: "#/$defs/expression" }
      }
    },
    expression: {
      type: "object",
      description: "An NFD match expression: an operator and the values it compares the host value with.",
      additionalProperties: false,
      properties: {
        op: {
          type: "string",
          description: "The operator: In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse. Empty or missing is NFD's MatchAny (always true; lint refuses it).",
          examples: [
            "In",
            "NotIn",
            "InRegexp",
            "Exists",
            "DoesNotExist",
            "Gt",
            "Ge",
            "Lt",
            "Le",
            "GtLt",
            "GeLe",
            "IsTrue",
            "IsFalse"
          ]
        },
        value: {
          type: "array",
          description: "Values (strings). Quote numbers: YAML reads an unquoted 1.10 as the number 1.1. None for Exists, DoesNotExist, IsTrue, IsFalse; one for Gt, Ge, Lt, Le; two for GtLt, GeLe; at least one otherwise.",
          items: { type: ["string", "number", "boolean"] }
        },
        type: {
          type: "string",
          description: "version: compare as versions (major.minor.patch) instead of integers; Gt, Ge, Lt, Le, GtLt, GeLe only. Other values: lint refuses them, NFD fails on them when it compares.",
          examples: ["version"]
        }
      }
    }
  }
};
var schema12 = {
  type: "object",
  description: "A compatibility set: one way the image can run. Sets are alternatives.",
  additionalProperties: false,
  required: ["rules"],
  properties: {
    description: { type: "string" },
    tag: { type: "string", description: "Selects the set with --tags; give every set a unique tag." },
    weight: { type: "integer", description: "Node-affinity weight." },
    rules: { type: "array", items: { $ref: "#/$defs/rule" } }
  }
};
var schema13 = {
  type: "object",
  description: "An NFD GroupRule: matches when matchAny (if any) and matchFeatures (if any) match.",
  additionalProperties: false,
  required: ["name"],
  properties: {
    name: { type: "string", description: "Name of the rule, shown in reports." },
    matchFeatures: { $ref: "#/$defs/featureMatcher" },
    matchAny: {
      type: "array",
      description: "Alternatives (logical OR), each a matchFeatures list.",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["matchFeatures"],
        properties: { matchFeatures: { $ref: "#/$defs/featureMatcher" } }
      }
    },
    vars: {
      type: "object",
      description: "Variables later rules can match as the rule.matched feature.",
      additionalProperties: { type: "string" }
    },
    varsTemplate: {
      type: "string",
      description: "Go text/template over the matched features, giving key=value lines of more vars (at most 64 KiB; see docs/spec.md for the functions)."
    }
  }
};
var schema14 = {
  type: "array",
  description: "Terms that must all match (logical AND).",
  items: { $ref: "#/$defs/term" }
};
var schema15 = {
  type: "object",
  description: "One feature and the expressions its elements must satisfy.",
  additionalProperties: false,
  required: ["feature"],
  properties: {
    feature: { type: "string", description: "Feature name, e.g. kernel.loadedmodule or pci.device." },
    matchExpressions: {
      type: "object",
      description: "Element name -> expression; all must hold (for instances: all in one instance).",
      additionalProperties: { $ref: "#/$defs/expression" }
    },
    matchName: { $ref: "#/$defs/expression" }
  }
};
var schema16 = {
  type: "object",
  description: "An NFD match expression: an operator and the values it compares the host value with.",
  additionalProperties: false,
  properties: {
    op: {
      type: "string",
      description: "The operator: In, NotIn, InRegexp, Exists, DoesNotExist, Gt, Ge, Lt, Le, GtLt, GeLe, IsTrue, IsFalse. Empty or missing is NFD's MatchAny (always true; lint refuses it).",
      examples: [
        "In",
        "NotIn",
        "InRegexp",
        "Exists",
        "DoesNotExist",
        "Gt",
        "Ge",
        "Lt",
        "Le",
        "GtLt",
        "GeLe",
        "IsTrue",
        "IsFalse"
      ]
    },
    value: {
      type: "array",
      description: "Values (strings). Quote numbers: YAML reads an unquoted 1.10 as the number 1.1. None for Exists, DoesNotExist, IsTrue, IsFalse; one for Gt, Ge, Lt, Le; two for GtLt, GeLe; at least one otherwise.",
      items: { type: ["string", "number", "boolean"] }
    },
    type: {
      type: "string",
      description: "version: compare as versions (major.minor.patch) instead of integers; Gt, Ge, Lt, Le, GtLt, GeLe only. Other values: lint refuses them, NFD fails on them when it compares.",
      examples: ["version"]
    }
  }
};
function validate14(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.feature === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "feature" },
        message: "must have required property 'feature'",
        schema: schema15.required,
        parentSchema: schema15,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "feature" || key0 === "matchExpressions" || key0 === "matchName")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema15,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.feature !== void 0) {
      let data0 = data.feature;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/feature",
          schemaPath: "#/properties/feature/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema15.properties.feature.type,
          parentSchema: schema15.properties.feature,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.matchExpressions !== void 0) {
      let data1 = data.matchExpressions;
      if (data1 && typeof data1 == "object" && !Array.isArray(data1)) {
        for (const key1 in data1) {
          let data2 = data1[key1];
          if (data2 && typeof data2 == "object" && !Array.isArray(data2)) {
            for (const key2 in data2) {
              if (!(key2 === "op" || key2 === "value" || key2 === "type")) {
                const err3 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
                  schemaPath: "#/$defs/expression/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key2 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema16,
                  data: data2
                };
                if (vErrors === null) {
                  vErrors = [err3];
                } else {
                  vErrors.push(err3);
                }
                errors++;
              }
            }
            if (data2.op !== void 0) {
              let data3 = data2.op;
              if (typeof data3 !== "string") {
                const err4 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/op",
                  schemaPath: "#/$defs/expression/properties/op/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema16.properties.op.type,
                  parentSchema: schema16.properties.op,
                  data: data3
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data2.value !== void 0) {
              let data4 = data2.value;
              if (Array.isArray(data4)) {
                const len0 = data4.length;
                for (let i0 = 0; i0 < len0; i0++) {
                  let data5 = data4[i0];
                  if (typeof data5 !== "string" && !(typeof data5 == "number") && typeof data5 !== "boolean") {
                    const err5 = {
                      instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/value/" + i0,
                      schemaPath: "#/$defs/expression/properties/value/items/type",
                      keyword: "type",
                      params: { type: schema16.properties.value.items.type },
                      message: "must be string,number,boolean",
                      schema: schema16.properties.value.items.type,
                      parentSchema: schema16.properties.value.items,
                      data: data5
                    };
                    if (vErrors === null) {
                      vErrors = [err5];
                    } else {
                      vErrors.push(err5);
                    }
                    errors++;
                  }
                }
              } else {
                const err6 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/value",
                  schemaPath: "#/$defs/expression/properties/value/type",
                  keyword: "type",
                  params: { type: "array" },
                  message: "must be array",
                  schema: schema16.properties.value.type,
                  parentSchema: schema16.properties.value,
                  data: data4
                };
                if (vErrors === null) {
                  vErrors = [err6];
                } else {
                  vErrors.push(err6);
                }
                errors++;
              }
            }
            if (data2.type !== void 0) {
              let data6 = data2.type;
              if (typeof data6 !== "string") {
                const err7 = {
                  instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1") + "/type",
                  schemaPath: "#/$defs/expression/properties/type/type",
                  keyword: "type",
                  params: { type: "string" },
                  message: "must be string",
                  schema: schema16.properties.type.type,
                  parentSchema: schema16.properties.type,
                  data: data6
                };
                if (vErrors === null) {
                  vErrors = [err7];
                } else {
                  vErrors.push(err7);
                }
                errors++;
              }
            }
          } else {
            const err8 = {
              instancePath: instancePath + "/matchExpressions/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/$defs/expression/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema16.type,
              parentSchema: schema16,
              data: data2
            };
            if (vErrors === null) {
              vErrors = [err8];
            } else {
              vErrors.push(err8);
            }
            errors++;
          }
        }
      } else {
        const err9 = {
          instancePath: instancePath + "/matchExpressions",
          schemaPath: "#/properties/matchExpressions/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema15.properties.matchExpressions.type,
          parentSchema: schema15.properties.matchExpressions,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
    if (data.matchName !== void 0) {
      let data7 = data.matchName;
      if (data7 && typeof data7 == "object" && !Array.isArray(data7)) {
        for (const key3 in data7) {
          if (!(key3 === "op" || key3 === "value" || key3 === "type")) {
            const err10 = {
              instancePath: instancePath + "/matchName",
              schemaPath: "#/$defs/expression/additionalProperties",
              keyword: "additionalProperties",
              params: { additionalProperty: key3 },
              message: "must NOT have additional properties",
              schema: false,
              parentSchema: schema16,
              data: data7
            };
            if (vErrors === null) {
              vErrors = [err10];
            } else {
              vErrors.push(err10);
            }
            errors++;
          }
        }
        if (data7.op !== void 0) {
          let data8 = data7.op;
          if (typeof data8 !== "string") {
            const err11 = {
              instancePath: instancePath + "/matchName/op",
              schemaPath: "#/$defs/expression/properties/op/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema16.properties.op.type,
              parentSchema: schema16.properties.op,
              data: data8
            };
            if (vErrors === null) {
              vErrors = [err11];
            } else {
              vErrors.push(err11);
            }
            errors++;
          }
        }
        if (data7.value !== void 0) {
          let data9 = data7.value;
          if (Array.isArray(data9)) {
            const len1 = data9.length;
            for (let i1 = 0; i1 < len1; i1++) {
              let data10 = data9[i1];
              if (typeof data10 !== "string" && !(typeof data10 == "number") && typeof data10 !== "boolean") {
                const err12 = {
                  instancePath: instancePath + "/matchName/value/" + i1,
                  schemaPath: "#/$defs/expression/properties/value/items/type",
                  keyword: "type",
                  params: { type: schema16.properties.value.items.type },
                  message: "must be string,number,boolean",
                  schema: schema16.properties.value.items.type,
                  parentSchema: schema16.properties.value.items,
                  data: data10
                };
                if (vErrors === null) {
                  vErrors = [err12];
                } else {
                  vErrors.push(err12);
                }
                errors++;
              }
            }
          } else {
            const err13 = {
              instancePath: instancePath + "/matchName/value",
              schemaPath: "#/$defs/expression/properties/value/type",
              keyword: "type",
              params: { type: "array" },
              message: "must be array",
              schema: schema16.properties.value.type,
              parentSchema: schema16.properties.value,
              data: data9
            };
            if (vErrors === null) {
              vErrors = [err13];
            } else {
              vErrors.push(err13);
            }
            errors++;
          }
        }
        if (data7.type !== void 0) {
          let data11 = data7.type;
          if (typeof data11 !== "string") {
            const err14 = {
              instancePath: instancePath + "/matchName/type",
              schemaPath: "#/$defs/expression/properties/type/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema16.properties.type.type,
              parentSchema: schema16.properties.type,
              data: data11
            };
            if (vErrors === null) {
              vErrors = [err14];
            } else {
              vErrors.push(err14);
            }
            errors++;
          }
        }
      } else {
        const err15 = {
          instancePath: instancePath + "/matchName",
          schemaPath: "#/$defs/expression/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema16.type,
          parentSchema: schema16,
          data: data7
        };
        if (vErrors === null) {
          vErrors = [err15];
        } else {
          vErrors.push(err15);
        }
        errors++;
      }
    }
  } else {
    const err16 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema15.type,
      parentSchema: schema15,
      data
    };
    if (vErrors === null) {
      vErrors = [err16];
    } else {
      vErrors.push(err16);
    }
    errors++;
  }
  validate14.errors = vErrors;
  return errors === 0;
}
function validate13(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (Array.isArray(data)) {
    const len0 = data.length;
    for (let i0 = 0; i0 < len0; i0++) {
      if (!validate14(data[i0], {
        instancePath: instancePath + "/" + i0,
        parentData: data,
        parentDataProperty: i0,
        rootData
      })) {
        vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
        errors = vErrors.length;
      }
    }
  } else {
    const err0 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "array" },
      message: "must be array",
      schema: schema14.type,
      parentSchema: schema14,
      data
    };
    if (vErrors === null) {
      vErrors = [err0];
    } else {
      vErrors.push(err0);
    }
    errors++;
  }
  validate13.errors = vErrors;
  return errors === 0;
}
function validate12(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.name === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "name" },
        message: "must have required property 'name'",
        schema: schema13.required,
        parentSchema: schema13,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "name" || key0 === "matchFeatures" || key0 === "matchAny" || key0 === "vars" || key0 === "varsTemplate")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema13,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.name !== void 0) {
      let data0 = data.name;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/name",
          schemaPath: "#/properties/name/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema13.properties.name.type,
          parentSchema: schema13.properties.name,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.matchFeatures !== void 0) {
      if (!validate13(data.matchFeatures, {
        instancePath: instancePath + "/matchFeatures",
        parentData: data,
        parentDataProperty: "matchFeatures",
        rootData
      })) {
        vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
        errors = vErrors.length;
      }
    }
    if (data.matchAny !== void 0) {
      let data2 = data.matchAny;
      if (Array.isArray(data2)) {
        const len0 = data2.length;
        for (let i0 = 0; i0 < len0; i0++) {
          let data3 = data2[i0];
          if (data3 && typeof data3 == "object" && !Array.isArray(data3)) {
            if (data3.matchFeatures === void 0) {
              const err3 = {
                instancePath: instancePath + "/matchAny/" + i0,
                schemaPath: "#/properties/matchAny/items/required",
                keyword: "required",
                params: { missingProperty: "matchFeatures" },
                message: "must have required property 'matchFeatures'",
                schema: schema13.properties.matchAny.items.required,
                parentSchema: schema13.properties.matchAny.items,
                data: data3
              };
              if (vErrors === null) {
                vErrors = [err3];
              } else {
                vErrors.push(err3);
              }
              errors++;
            }
            for (const key1 in data3) {
              if (!(key1 === "matchFeatures")) {
                const err4 = {
                  instancePath: instancePath + "/matchAny/" + i0,
                  schemaPath: "#/properties/matchAny/items/additionalProperties",
                  keyword: "additionalProperties",
                  params: { additionalProperty: key1 },
                  message: "must NOT have additional properties",
                  schema: false,
                  parentSchema: schema13.properties.matchAny.items,
                  data: data3
                };
                if (vErrors === null) {
                  vErrors = [err4];
                } else {
                  vErrors.push(err4);
                }
                errors++;
              }
            }
            if (data3.matchFeatures !== void 0) {
              if (!validate13(data3.matchFeatures, {
                instancePath: instancePath + "/matchAny/" + i0 + "/matchFeatures",
                parentData: data3,
                parentDataProperty: "matchFeatures",
                rootData
              })) {
                vErrors = vErrors === null ? validate13.errors : vErrors.concat(validate13.errors);
                errors = vErrors.length;
              }
            }
          } else {
            const err5 = {
              instancePath: instancePath + "/matchAny/" + i0,
              schemaPath: "#/properties/matchAny/items/type",
              keyword: "type",
              params: { type: "object" },
              message: "must be object",
              schema: schema13.properties.matchAny.items.type,
              parentSchema: schema13.properties.matchAny.items,
              data: data3
            };
            if (vErrors === null) {
              vErrors = [err5];
            } else {
              vErrors.push(err5);
            }
            errors++;
          }
        }
      } else {
        const err6 = {
          instancePath: instancePath + "/matchAny",
          schemaPath: "#/properties/matchAny/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema13.properties.matchAny.type,
          parentSchema: schema13.properties.matchAny,
          data: data2
        };
        if (vErrors === null) {
          vErrors = [err6];
        } else {
          vErrors.push(err6);
        }
        errors++;
      }
    }
    if (data.vars !== void 0) {
      let data5 = data.vars;
      if (data5 && typeof data5 == "object" && !Array.isArray(data5)) {
        for (const key2 in data5) {
          let data6 = data5[key2];
          if (typeof data6 !== "string") {
            const err7 = {
              instancePath: instancePath + "/vars/" + key2.replace(/~/g, "~0").replace(/\//g, "~1"),
              schemaPath: "#/properties/vars/additionalProperties/type",
              keyword: "type",
              params: { type: "string" },
              message: "must be string",
              schema: schema13.properties.vars.additionalProperties.type,
              parentSchema: schema13.properties.vars.additionalProperties,
              data: data6
            };
            if (vErrors === null) {
              vErrors = [err7];
            } else {
              vErrors.push(err7);
            }
            errors++;
          }
        }
      } else {
        const err8 = {
          instancePath: instancePath + "/vars",
          schemaPath: "#/properties/vars/type",
          keyword: "type",
          params: { type: "object" },
          message: "must be object",
          schema: schema13.properties.vars.type,
          parentSchema: schema13.properties.vars,
          data: data5
        };
        if (vErrors === null) {
          vErrors = [err8];
        } else {
          vErrors.push(err8);
        }
        errors++;
      }
    }
    if (data.varsTemplate !== void 0) {
      let data7 = data.varsTemplate;
      if (typeof data7 !== "string") {
        const err9 = {
          instancePath: instancePath + "/varsTemplate",
          schemaPath: "#/properties/varsTemplate/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema13.properties.varsTemplate.type,
          parentSchema: schema13.properties.varsTemplate,
          data: data7
        };
        if (vErrors === null) {
          vErrors = [err9];
        } else {
          vErrors.push(err9);
        }
        errors++;
      }
    }
  } else {
    const err10 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema13.type,
      parentSchema: schema13,
      data
    };
    if (vErrors === null) {
      vErrors = [err10];
    } else {
      vErrors.push(err10);
    }
    errors++;
  }
  validate12.errors = vErrors;
  return errors === 0;
}
function validate11(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.rules === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "rules" },
        message: "must have required property 'rules'",
        schema: schema12.required,
        parentSchema: schema12,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "description" || key0 === "tag" || key0 === "weight" || key0 === "rules")) {
        const err1 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema12,
          data
        };
        if (vErrors === null) {
          vErrors = [err1];
        } else {
          vErrors.push(err1);
        }
        errors++;
      }
    }
    if (data.description !== void 0) {
      let data0 = data.description;
      if (typeof data0 !== "string") {
        const err2 = {
          instancePath: instancePath + "/description",
          schemaPath: "#/properties/description/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema12.properties.description.type,
          parentSchema: schema12.properties.description,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.tag !== void 0) {
      let data1 = data.tag;
      if (typeof data1 !== "string") {
        const err3 = {
          instancePath: instancePath + "/tag",
          schemaPath: "#/properties/tag/type",
          keyword: "type",
          params: { type: "string" },
          message: "must be string",
          schema: schema12.properties.tag.type,
          parentSchema: schema12.properties.tag,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.weight !== void 0) {
      let data2 = data.weight;
      if (!(typeof data2 == "number" && !(data2 % 1) && !isNaN(data2))) {
        const err4 = {
          instancePath: instancePath + "/weight",
          schemaPath: "#/properties/weight/type",
          keyword: "type",
          params: { type: "integer" },
          message: "must be integer",
          schema: schema12.properties.weight.type,
          parentSchema: schema12.properties.weight,
          data: data2
        };
        if (vErrors === null) {
          vErrors = [err4];
        } else {
          vErrors.push(err4);
        }
        errors++;
      }
    }
    if (data.rules !== void 0) {
      let data3 = data.rules;
      if (Array.isArray(data3)) {
        const len0 = data3.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate12(data3[i0], {
            instancePath: instancePath + "/rules/" + i0,
            parentData: data3,
            parentDataProperty: i0,
            rootData
          })) {
            vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/rules",
          schemaPath: "#/properties/rules/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema12.properties.rules.type,
          parentSchema: schema12.properties.rules,
          data: data3
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema12.type,
      parentSchema: schema12,
      data
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate11.errors = vErrors;
  return errors === 0;
}
function validate10(data, { instancePath = "", parentData, parentDataProperty, rootData = data } = {}) {
  let vErrors = null;
  let errors = 0;
  if (data && typeof data == "object" && !Array.isArray(data)) {
    if (data.version === void 0) {
      const err0 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "version" },
        message: "must have required property 'version'",
        schema: schema11.required,
        parentSchema: schema11,
        data
      };
      if (vErrors === null) {
        vErrors = [err0];
      } else {
        vErrors.push(err0);
      }
      errors++;
    }
    if (data.compatibilities === void 0) {
      const err1 = {
        instancePath,
        schemaPath: "#/required",
        keyword: "required",
        params: { missingProperty: "compatibilities" },
        message: "must have required property 'compatibilities'",
        schema: schema11.required,
        parentSchema: schema11,
        data
      };
      if (vErrors === null) {
        vErrors = [err1];
      } else {
        vErrors.push(err1);
      }
      errors++;
    }
    for (const key0 in data) {
      if (!(key0 === "version" || key0 === "compatibilities")) {
        const err2 = {
          instancePath,
          schemaPath: "#/additionalProperties",
          keyword: "additionalProperties",
          params: { additionalProperty: key0 },
          message: "must NOT have additional properties",
          schema: false,
          parentSchema: schema11,
          data
        };
        if (vErrors === null) {
          vErrors = [err2];
        } else {
          vErrors.push(err2);
        }
        errors++;
      }
    }
    if (data.version !== void 0) {
      let data0 = data.version;
      if ("v1alpha1" !== data0) {
        const err3 = {
          instancePath: instancePath + "/version",
          schemaPath: "#/properties/version/const",
          keyword: "const",
          params: { allowedValue: "v1alpha1" },
          message: "must be equal to constant",
          schema: "v1alpha1",
          parentSchema: schema11.properties.version,
          data: data0
        };
        if (vErrors === null) {
          vErrors = [err3];
        } else {
          vErrors.push(err3);
        }
        errors++;
      }
    }
    if (data.compatibilities !== void 0) {
      let data1 = data.compatibilities;
      if (Array.isArray(data1)) {
        if (data1.length < 1) {
          const err4 = {
            instancePath: instancePath + "/compatibilities",
            schemaPath: "#/properties/compatibilities/minItems",
            keyword: "minItems",
            params: { limit: 1 },
            message: "must NOT have fewer than 1 items",
            schema: 1,
            parentSchema: schema11.properties.compatibilities,
            data: data1
          };
          if (vErrors === null) {
            vErrors = [err4];
          } else {
            vErrors.push(err4);
          }
          errors++;
        }
        const len0 = data1.length;
        for (let i0 = 0; i0 < len0; i0++) {
          if (!validate11(data1[i0], {
            instancePath: instancePath + "/compatibilities/" + i0,
            parentData: data1,
            parentDataProperty: i0,
            rootData
          })) {
            vErrors = vErrors === null ? validate11.errors : vErrors.concat(validate11.errors);
            errors = vErrors.length;
          }
        }
      } else {
        const err5 = {
          instancePath: instancePath + "/compatibilities",
          schemaPath: "#/properties/compatibilities/type",
          keyword: "type",
          params: { type: "array" },
          message: "must be array",
          schema: schema11.properties.compatibilities.type,
          parentSchema: schema11.properties.compatibilities,
          data: data1
        };
        if (vErrors === null) {
          vErrors = [err5];
        } else {
          vErrors.push(err5);
        }
        errors++;
      }
    }
  } else {
    const err6 = {
      instancePath,
      schemaPath: "#/type",
      keyword: "type",
      params: { type: "object" },
      message: "must be object",
      schema: schema11.type,
      parentSchema: schema11,
      data
    };
    if (vErrors === null) {
      vErrors = [err6];
    } else {
      vErrors.push(err6);
    }
    errors++;
  }
  validate10.errors = vErrors;
  return errors === 0;
}

// src/spec/parse.ts
var validateSchema = validate;
function checkSpecDocument(text, opts = {}) {
  const { src, diagnostics: read } = nfdSource(text);
  const errors = schemaErrors(validateSchema, src.value);
  if (errors) return { diagnostics: [...read, ...schemaDiagnostics(src, errors)] };
  const spec = canonicalSpec(src.value);
  const diagnostics = [...read, ...nfdDiagnostics(src, spec, opts)];
  return diagnostics.some((d) => d.severity === "error") ? { diagnostics } : { spec, diagnostics };
}
function readSpecForEvaluation(text, file, opts = {}) {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file), { lenient: !opts.strict });
  throwFirstError(diagnostics);
  return { spec, warnings: diagnostics.filter((d) => d.severity === "warning") };
}
function parseSpec(text, file) {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file));
  throwFirstError(diagnostics);
  return spec;
}

export {
  nfdSource,
  serializeSpec,
  checkSpecDocument,
  readSpecForEvaluation,
  parseSpec
};
