import {
  MATCH_OPS,
  SPEC_VERSION
} from "./chunk-CEMVL7P3.js";

// src/spec/schema.ts
var expression = {
  type: "object",
  description: "An NFD match expression: an operator and the values it compares the host value with.",
  additionalProperties: false,
  properties: {
    op: {
      type: "string",
      description: `The operator: ${MATCH_OPS.join(", ")}. Empty or missing is NFD's MatchAny (always true; lint refuses it).`,
      examples: [...MATCH_OPS]
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
var term = {
  type: "object",
  description: "One feature and the expressions its elements must satisfy.",
  additionalProperties: false,
  required: ["feature"],
  properties: {
    feature: {
      type: "string",
      description: "Feature name, e.g. kernel.loadedmodule or pci.device."
    },
    matchExpressions: {
      type: "object",
      description: "Element name -> expression; all must hold (for instances: all in one instance).",
      additionalProperties: { $ref: "#/$defs/expression" }
    },
    matchName: { $ref: "#/$defs/expression" }
  }
};
var featureMatcher = {
  type: "array",
  description: "Terms that must all match (logical AND).",
  items: { $ref: "#/$defs/term" }
};
var rule = {
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
var compatibility = {
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
var specSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  title: "NFD image compatibility spec v1alpha1",
  type: "object",
  additionalProperties: false,
  required: ["version", "compatibilities"],
  properties: {
    version: { const: SPEC_VERSION },
    compatibilities: { type: "array", minItems: 1, items: { $ref: "#/$defs/compatibility" } }
  },
  $defs: { compatibility, rule, featureMatcher, term, expression }
};

export {
  specSchema
};
