// One term of an image spec rule, rewritten for nfd-master: our own features (gpu.*, rdma.*)
// become terms on NFD's `local.feature` under local-keys.ts's names, with the same verdict:
// - an attribute feature (gpu.count): its presence key Exists (a term on a feature the node does
//   not have fails in NFD) plus each expression on `<feature>.<key>`;
// - an instance feature (gpu.device, rdma.device): "some instance meets every expression" is a
//   helper rule whose matchAny has one element per instance slot (slot i Exists plus the
//   expressions on its attributes) and which sets a var; the term becomes that var In ["true"].
// Whatever NFD would see differently is refused with the reason (a spec rule is never turned into
// a rule that could label a node validate rejects).
import { InputError } from '../errors.js';
import type { FeatureMatcherTerm, MatchExpression } from '../spec/types.js';
import {
  attributeKey,
  instanceAttributeKey,
  instanceKey,
  LOCAL_FEATURE,
  MAX_LOCAL_INSTANCES,
  ownFeatureKind,
  presenceKey,
} from './local-keys.js';
import type { NodeFeatureRuleRule } from './types.js';

export const RULE_MATCHED = 'rule.matched';

export interface TermContext {
  /** Where the term is, for messages: `compatibility set #1, rule "gpu"`. */
  where: string;
  /** Keys this generator owns in rule.matched (its vars and labels): `<prefix>/`. */
  reserved: string;
  /** The first rule evaluated: validate has no rule.matched yet, so a term on it fails. */
  first: boolean;
  /** Whether the rule has a varsTemplate (it would see the rewritten features). */
  templated: boolean;
  /** A new helper rule: its name and var key. */
  helper: () => { name: string; key: string };
  /** Helper rules to run before the rule. */
  helpers: NodeFeatureRuleRule[];
  /** Our own features the rules read from local.feature (lower-cased names). */
  local: Set<string>;
}

const EXISTS: MatchExpression = { op: 'Exists' };
const TRUE: MatchExpression = { op: 'In', value: ['true'] };

function put<T>(m: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
}

function refuse(ctx: TermContext, term: FeatureMatcherTerm, why: string): never {
  throw new InputError(
    `${ctx.where}, feature ${term.feature}: ${why}`,
    {},
    'see docs/kubernetes.md, "What cannot be generated"',
  );
}

/** A term nfd-master evaluates as validate does; helper rules are pushed to ctx.helpers. */
export function translateTerm(term: FeatureMatcherTerm, ctx: TermContext): FeatureMatcherTerm {
  const feature = term.feature.toLowerCase();
  const exprs = Object.entries(term.matchExpressions ?? {});
  if (feature === RULE_MATCHED || feature === LOCAL_FEATURE) {
    if (term.matchName) {
      refuse(
        ctx,
        term,
        `matchName would also see the keys nfd-master adds (${ctx.reserved}*, other objects' vars)`,
      );
    }
    for (const [key] of exprs) {
      if (key.startsWith(ctx.reserved)) refuse(ctx, term, `key ${key} is reserved for the generated rules`);
    }
    // validate-node: before the first rule there is no rule.matched, so every term on it fails.
    if (feature === RULE_MATCHED && ctx.first) {
      return { feature: RULE_MATCHED, matchExpressions: { [`${ctx.reserved}never`]: EXISTS } };
    }
    return term;
  }
  const kind = ownFeatureKind(feature);
  if (kind === undefined) return term;
  if (kind === 'flag') refuse(ctx, term, 'a flag feature of ours has no NFD local form');
  if (term.matchName) refuse(ctx, term, 'matchName on our own features has no NFD local form');
  if (ctx.templated) {
    refuse(ctx, term, 'varsTemplate would expand over local.feature instead of this feature');
  }
  ctx.local.add(feature);
  if (kind === 'attribute') {
    const m: Record<string, MatchExpression> = {};
    put(m, presenceKey(feature), EXISTS);
    for (const [key, e] of exprs) put(m, attributeKey(feature, key), e);
    return { feature: LOCAL_FEATURE, matchExpressions: m };
  }
  const { name, key } = ctx.helper();
  const slots = Array.from({ length: MAX_LOCAL_INSTANCES }, (_, i) => {
    const m: Record<string, MatchExpression> = {};
    put(m, instanceKey(feature, i), EXISTS);
    for (const [k, e] of exprs) put(m, instanceAttributeKey(feature, i, k), e);
    return { matchFeatures: [{ feature: LOCAL_FEATURE, matchExpressions: m }] };
  });
  ctx.helpers.push({ name, matchAny: slots, vars: { [key]: 'true' } });
  return { feature: RULE_MATCHED, matchExpressions: { [key]: TRUE } };
}
