// NFD's image compatibility spec, v1alpha1 (NFD's pkg/apis/nfd/v1alpha1/image-compatibility and
// the GroupRule / FeatureMatcher types it reuses). Field names are the wire format.

export const SPEC_VERSION = 'v1alpha1';

export const MATCH_OPS = [
  'In',
  'NotIn',
  'InRegexp',
  'Exists',
  'DoesNotExist',
  'Gt',
  'Ge',
  'Lt',
  'Le',
  'GtLt',
  'GeLe',
  'IsTrue',
  'IsFalse',
] as const;
export type MatchOp = (typeof MATCH_OPS)[number];

/** NFD's MatchAny: the empty (or missing) op, always true, with no value. */
export const MATCH_ANY = '';

/** `type` of an expression: `version` (NFD >= 0.18) or the default, integers (`""`). */
export type ValueType = 'version' | '';

/**
 * A spec read for evaluation (validate) may carry an op or a type NFD does not know: NFD decodes
 * any string and only fails when it evaluates the expression, so we do the same (the spec checks
 * report it; lint and generate refuse it).
 */
export interface MatchExpression {
  op: MatchOp | typeof MATCH_ANY;
  value?: string[];
  type?: ValueType;
}

/** One term of matchFeatures: a feature and the expressions its elements must satisfy. */
export interface FeatureMatcherTerm {
  feature: string;
  matchExpressions?: Record<string, MatchExpression>;
  matchName?: MatchExpression;
}

export interface MatchAnyElem {
  matchFeatures: FeatureMatcherTerm[];
}

export interface Rule {
  name: string;
  matchFeatures?: FeatureMatcherTerm[];
  matchAny?: MatchAnyElem[];
  vars?: Record<string, string>;
  varsTemplate?: string;
}

export interface Compatibility {
  rules: Rule[];
  weight?: number;
  tag?: string;
  description?: string;
}

export interface Spec {
  version: string;
  compatibilities: Compatibility[];
}
