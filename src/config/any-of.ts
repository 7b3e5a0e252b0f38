// Either/or inside one set: `anyOf: [{...requirements}, {...requirements}]` compiled to ONE rule
// whose matchAny lists every way to meet one group. NFD's rules have one matchAny level, and in an
// image compatibility set every rule must match, so alternatives cannot be separate rules (one
// failing would fail the set) nor chained through `rule.matched` vars (a rule that does not match
// still counts as failed). The groups are distributed instead: a group is the conjunction of its
// rules, each rule a disjunction of term lists (matchFeatures, or common terms with one term list
// per matchAny element), so a group is the cross product of its rules' term lists, and the anyOf is
// the concatenation of its groups'. Terms of one list are all required, as separate rules were.
import type { PathSegment } from '../spec/document.js';
import type { FeatureMatcherTerm, Rule } from '../spec/types.js';
import type { Context } from './context.js';
import { ruleOf } from './terms.js';
import type { Requirements } from './types.js';

/** Most matchAny elements one anyOf may expand to (checked before they are built). */
export const MAX_ANY_OF_ALTERNATIVES = 64;

/** A rule as its disjunction of term lists. */
function termLists(rule: Rule): FeatureMatcherTerm[][] {
  const common = rule.matchFeatures ?? [];
  if (!rule.matchAny?.length) return [common];
  return rule.matchAny.map((a) => [...common, ...a.matchFeatures]);
}

export function compileAnyOf(
  set: string,
  groups: Requirements[],
  path: PathSegment[],
  ctx: Context,
  compileGroup: (group: Requirements, path: PathSegment[]) => Rule[],
): Rule | undefined {
  const perGroup: FeatureMatcherTerm[][][][] = [];
  let total = 0;
  groups.forEach((group, i) => {
    const gp = [...path, i];
    const rules = compileGroup(group, gp);
    if (!rules.length) {
      ctx.error(gp, 'an anyOf group needs at least one requirement', 'e.g. {memory: {hugepages1G: ">=16"}}');
      return;
    }
    const lists = rules.map(termLists);
    total += lists.reduce((n, l) => n * l.length, 1);
    perGroup.push(lists);
  });
  if (total > MAX_ANY_OF_ALTERNATIVES) {
    ctx.error(
      path,
      `this anyOf expands to ${total} alternatives (each group's rules multiplied out); at most ${MAX_ANY_OF_ALTERNATIVES}`,
      'move requirements every group shares out of anyOf, or use fewer "||" parts inside it',
    );
    return undefined;
  }
  const alternatives: FeatureMatcherTerm[][] = [];
  for (const lists of perGroup) {
    let combos: FeatureMatcherTerm[][] = [[]];
    for (const l of lists) combos = combos.flatMap((c) => l.map((terms) => [...c, ...terms]));
    alternatives.push(...combos);
  }
  if (!alternatives.length) return undefined;
  // A single alternative would be plain matchFeatures; keep the either/or visible as matchAny.
  return alternatives.length === 1
    ? ruleOf(`${set}/any-of`, alternatives)
    : { name: `${set}/any-of`, matchAny: alternatives.map((matchFeatures) => ({ matchFeatures })) };
}
