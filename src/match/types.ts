// Results in the shape of NFD's `nfd compat validate-node --output-json` (package node-validator:
// CompatibilityStatus, ProcessedRuleStatus, MatchedExpression), plus `hostValues`: what the host
// had for each expression, which NFD does not report.
import type { MatchExpression } from '../spec/types.js';

export type MatcherType = 'matchExpression' | 'matchName';

export interface MatchedExpression {
  feature: string;
  /** Element name; empty for matchName. */
  name: string;
  expression: MatchExpression;
  matcherType: MatcherType;
  isMatch: boolean;
  /**
   * Host values the expression was compared with: an attribute's value, a present flag's own name
   * (flags have no value), every distinct value of the attribute across instances, or for
   * matchName the element names that matched. Empty when the host has none.
   */
  hostValues: string[];
}

export interface MatchAnyResult {
  /** null where NFD prints null (a matchAny element without expressions). */
  matchedExpressions: MatchedExpression[] | null;
}

export interface ProcessedRule {
  name: string;
  isMatch: boolean;
  matchedExpressions?: MatchedExpression[];
  matchedAny?: MatchAnyResult[];
}

export interface CompatibilityResult {
  rules: ProcessedRule[];
  description?: string;
  weight?: number;
  tag?: string;
}
