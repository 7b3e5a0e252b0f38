
// src/spec/types.ts
var SPEC_VERSION = "v1alpha1";
var MATCH_OPS = [
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
];
var MATCH_ANY = "";

export {
  SPEC_VERSION,
  MATCH_OPS,
  MATCH_ANY
};
