// Building blocks of compiled rules: version and integer ranges as expressions, `||` alternatives
// as matchAny, terms of one feature, and vendor/class/id lookups with did-you-mean hints.
import { catalogEntry } from '../features/catalog.js';
import { closest, formatPath, type PathSegment } from '../spec/document.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../spec/types.js';
import { MAX_ALTERNATIVES, type Context, type KeyAlternatives } from './context.js';
import {
  integerExpressions,
  parseRange,
  RangeSyntaxError,
  singleVersionExpression,
  versionExpressions,
} from './range.js';
import type { OneOrMany, Range } from './types.js';
import { PCI_CLASSES, PCI_VENDORS } from './vocabulary.js';
import { quote } from '../io/limits.js';

export function versionAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
  instance: boolean,
): MatchExpression[][] | undefined {
  try {
    ctx.usesVersionType = true;
    return parseRange(range).map((iv) => {
      const one = instance ? singleVersionExpression(iv) : undefined;
      return one ? [one] : versionExpressions(iv);
    });
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
}

export function integerAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
): MatchExpression[][] | undefined {
  try {
    return integerExpressions(range).map((e) => [e]);
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
}

/**
 * Terms for one feature: `fixed` expressions plus ranged keys. Each combination of `||`
 * alternatives is one list of terms; a range needing two expressions on one key (Ge and Lt) puts
 * the second in a further term of the same feature.
 */
export function featureAlternatives(
  feature: string,
  fixed: Record<string, MatchExpression>,
  ranged: KeyAlternatives[],
  path: PathSegment[],
  ctx: Context,
): FeatureMatcherTerm[][] {
  // Counted before they are built: N `||` parts on two keys must not build N x N combinations.
  const count = ranged.reduce((n, r) => n * r.alternatives.length, 1);
  if (count > MAX_ALTERNATIVES) {
    ctx.error(path, `${count} combinations of "||" alternatives; at most ${MAX_ALTERNATIVES} per rule`);
    return [];
  }
  let combos: Array<Array<{ key: string; exprs: MatchExpression[] }>> = [[]];
  for (const r of ranged) {
    const next: typeof combos = [];
    for (const c of combos) for (const alt of r.alternatives) next.push([...c, { key: r.key, exprs: alt }]);
    combos = next;
  }
  const instance = catalogEntry(feature)?.kind === 'instance';
  return combos.map((combo) => {
    const first: Record<string, MatchExpression> = { ...fixed };
    const extra: FeatureMatcherTerm[] = [];
    for (const { key, exprs } of combo) {
      first[key] = exprs[0]!;
      for (const e of exprs.slice(1)) extra.push({ feature, matchExpressions: { [key]: e } });
    }
    if (instance && extra.length) {
      ctx.notes.add(
        `${formatPath(path)}: a range with one inclusive and one exclusive bound on ${feature} needs two terms, which two different devices could satisfy`,
      );
    }
    return [{ feature, matchExpressions: first }, ...extra];
  });
}

/** A rule from alternatives of term lists: one alternative -> matchFeatures, several -> matchAny. */
export function ruleOf(
  name: string,
  alternatives: FeatureMatcherTerm[][],
  common: FeatureMatcherTerm[] = [],
): Rule {
  if (alternatives.length <= 1) return { name, matchFeatures: [...common, ...(alternatives[0] ?? [])] };
  const rule: Rule = { name };
  if (common.length) rule.matchFeatures = common;
  rule.matchAny = alternatives.map((matchFeatures) => ({ matchFeatures }));
  return rule;
}

export function lookup(
  table: Readonly<Record<string, string>>,
  word: string,
  path: PathSegment[],
  ctx: Context,
  what: string,
  accept?: (w: string) => string | undefined,
): string | undefined {
  const hit = table[word.trim().toLowerCase()] ?? accept?.(word.trim());
  if (hit) return hit;
  const close = closest(word, Object.keys(table));
  ctx.error(
    path,
    `unknown ${what} ${quote(word)}`,
    close ? `did you mean ${quote(close)}?` : `known: ${Object.keys(table).join(', ')}`,
  );
  return undefined;
}

export const hexId = (w: string) =>
  /^(0x)?[0-9a-fA-F]{4}$/.test(w) ? w.replace(/^0x/, '').toLowerCase() : undefined;

export function pciVendor(word: string, path: PathSegment[], ctx: Context): string | undefined {
  return lookup(PCI_VENDORS, word, path, ctx, 'PCI vendor', hexId);
}

export function pciClass(word: string, path: PathSegment[], ctx: Context): string | undefined {
  const w = word.trim().toLowerCase().replace(/^0x/, '');
  if (PCI_CLASSES[w]) return PCI_CLASSES[w];
  if (/^[0-9a-f]{4}$/.test(w)) return w;
  if (/^[0-9a-f]{6}$/.test(w)) {
    ctx.warn(
      path,
      `PCI class ${quote(word)} has 6 digits; NFD reports the first 4`,
      `write "${w.slice(0, 4)}"`,
    );
    return w.slice(0, 4);
  }
  ctx.error(
    path,
    `${quote(word)} is not a PCI class`,
    `write 4 hex digits or one of: ${Object.keys(PCI_CLASSES).join(', ')}`,
  );
  return undefined;
}

export function pciDevice(word: string, path: PathSegment[], ctx: Context): string | undefined {
  const id = hexId(word);
  if (!id) ctx.error(path, `${quote(word)} is not a PCI device id`, 'write 4 hex digits, e.g. 2330');
  return id;
}

export function indexed<T>(v: OneOrMany<T>, path: PathSegment[]): Array<[T, PathSegment[]]> {
  return Array.isArray(v) ? v.map((x, i) => [x, [...path, i]]) : [[v, path]];
}

export function collect<T>(
  v: OneOrMany<T> | undefined,
  path: PathSegment[],
  f: (x: T, p: PathSegment[]) => string | undefined,
): string[] {
  if (v === undefined) return [];
  const out: string[] = [];
  for (const [x, p] of indexed(v, path)) {
    const r = f(x, p);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

export function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
