// A list of terms' report plan, worked out once when the list is compiled (rule.ts): its
// expressions and matchNames in the order of NFD's node-validator report, and per entry the
// records (FeatureMatcherStatus.held slots) that make it OK. Lists repeat the layout of the list
// before them (the same features and element names, other values): a plan that follows from the
// layout alone is then the next list's too, without sorting or comparing again.
import { reportedText } from './expression.js';
import { termSlots, type CompiledTerm, type TermEntry } from './terms.js';
import type { MatchExpression } from '../spec/types.js';

/** A terms list's report: its expressions and matchNames (TermEntry) in NFD's order. */
export type ReportEntry = TermEntry;

export interface Plan {
  entries: ReportEntry[];
  /** Per entry: the slots (FeatureMatcherStatus.held) any of which makes it OK. */
  checks: Array<readonly number[]>;
}

const NONE: readonly never[] = Object.freeze([]);

/** Plans the lists of one spec (RuleCompiler), each new list once. */
export class Planner {
  /** The first slot of each term of the list being planned (checks). */
  private readonly bases: number[] = [];
  /** By slot number: the frozen [slot] that the checks of lists share. */
  private readonly singles: Array<readonly number[] | undefined> = [];
  /** The last list planned whose plan follows from its layout alone (byLayout), and its plan. */
  private template: { terms: readonly CompiledTerm[]; plan: Plan } | undefined;

  plan(terms: readonly CompiledTerm[]): Plan {
    const t = this.template;
    if (t && sameLayout(t.terms, terms))
      return { entries: planLike(t.plan.entries, terms), checks: t.plan.checks };
    const entries = reportPlan(terms);
    const plan = { entries, checks: this.checks(entries, terms) };
    this.template = byLayout(entries, terms) ? { terms, plan } : undefined;
    return plan;
  }

  /**
   * Per entry of a list's plan, its checks (checksOf). In a list whose terms all have distinct
   * features (nearly every list), an entry's only check is its own slot: those are computed
   * directly and shared (one frozen [slot] per slot number).
   */
  private checks(plan: readonly ReportEntry[], terms: readonly CompiledTerm[]): Array<readonly number[]> {
    const out = new Array<readonly number[]>(plan.length);
    if (!distinctFeatures(terms)) {
      for (let i = 0; i < plan.length; i++) out[i] = checksOf(plan[i]!, terms);
      return out;
    }
    const bases = this.bases;
    let base = 0;
    for (let k = 0; k < terms.length; k++) {
      bases[k] = base;
      base += termSlots(terms[k]!);
    }
    for (let i = 0; i < plan.length; i++) {
      const entry = plan[i]!;
      const own = terms[entry.term]!;
      out[i] =
        entry.feature === own.feature && sameExpression(entry.expression, entry.expression)
          ? (this.singles[bases[entry.term]! + entry.slot] ??= Object.freeze([
              bases[entry.term]! + entry.slot,
            ]))
          : NONE;
    }
    return out;
  }
}

/**
 * Whether a list's plan order and checks follow from its terms' features and element names alone:
 * distinct features (each entry's check is its own slot), no two entries of the same feature and
 * name (the order never compares expressions), every expression equal to itself (sameExpression).
 */
function byLayout(plan: readonly ReportEntry[], terms: readonly CompiledTerm[]): boolean {
  if (!distinctFeatures(terms)) return false;
  for (let i = 0; i < plan.length; i++) {
    const e = plan[i]!;
    if (!sameExpression(e.expression, e.expression)) return false;
    if (i > 0 && plan[i - 1]!.feature === e.feature && (plan[i - 1]!.name ?? '') === (e.name ?? ''))
      return false;
  }
  return true;
}

/** Whether b has a's layout (features as written, element names in order, matchNames) and byLayout's self-equal expressions. */
function sameLayout(a: readonly CompiledTerm[], b: readonly CompiledTerm[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) {
    const x = a[k]!;
    const y = b[k]!;
    if (x.source.feature !== y.source.feature || !x.matchName !== !y.matchName) return false;
    if (y.matchName && !sameExpression(y.matchName.expression, y.matchName.expression)) return false;
    const xe = x.expressions;
    const ye = y.expressions;
    if (!xe || !ye) {
      if (xe !== ye) return false;
      continue;
    }
    if (xe.length !== ye.length) return false;
    for (let j = 0; j < xe.length; j++)
      if (xe[j]!.name !== ye[j]!.name || !sameExpression(ye[j]!.expression, ye[j]!.expression)) return false;
  }
  return true;
}

/** The plan of `terms` in the order of `template` (a plan of a list of the same layout). */
function planLike(template: readonly ReportEntry[], terms: readonly CompiledTerm[]): ReportEntry[] {
  const out = new Array<ReportEntry>(template.length);
  for (let i = 0; i < template.length; i++) {
    const p = template[i]!;
    const t = terms[p.term]!;
    out[i] = p.name === undefined ? t.matchName! : t.expressions![p.slot]!;
  }
  return out;
}

/** Whether no two terms have the same (lower-cased) feature. */
function distinctFeatures(terms: readonly CompiledTerm[]): boolean {
  for (let i = 1; i < terms.length; i++)
    for (let j = 0; j < i; j++) if (terms[i]!.feature === terms[j]!.feature) return false;
  return true;
}

function sameExpression(a: MatchExpression, b: MatchExpression): boolean {
  const av = a.value ?? NONE;
  const bv = b.value ?? NONE;
  if (a.op !== b.op || av.length !== bv.length) return false;
  for (let i = 0; i < av.length; i++) if (av[i] !== bv[i]) return false;
  return true;
}

/** A terms list's report entries, in the order NFD sorts them (stable: ties in spec order). */
function reportPlan(terms: readonly CompiledTerm[]): ReportEntry[] {
  let count = 0;
  for (let k = 0; k < terms.length; k++) count += termSlots(terms[k]!) - (terms[k]!.matchName ? 0 : 1);
  // Of the exact size (an array grown by push holds room for 17).
  const out = new Array<ReportEntry>(count);
  let at = 0;
  for (let k = 0; k < terms.length; k++) {
    const exprs = terms[k]!.expressions ?? NONE;
    for (let j = 0; j < exprs.length; j++) out[at++] = exprs[j]!;
    if (terms[k]!.matchName) out[at++] = terms[k]!.matchName!;
  }
  // Insertion sort (stable, and no allocation: lists are short, and most are sorted already).
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let j = i - 1;
    while (j >= 0 && after(out[j]!, x)) {
      out[j + 1] = out[j]!;
      j--;
    }
    out[j + 1] = x;
  }
  return out;
}

/** Whether entry a sorts after b: by feature, element name, then NFD's String() of the expression. */
function after(a: ReportEntry, b: ReportEntry): boolean {
  if (a.feature !== b.feature) return a.feature > b.feature;
  const an = a.name ?? '';
  const bn = b.name ?? '';
  if (an !== bn) return an > bn;
  return reportedText(a.compiled.reported!) > reportedText(b.compiled.reported!);
}

/**
 * NFD's per-expression report (node-validator matchFeatureExpressions): an expression is OK when
 * a processed term of the same feature recorded the same key with the same op and values. NFD
 * compares the spec's spelling of the feature with the lower-cased one, so a feature written with
 * capitals reports every expression as failed; we keep that for identical output. Which records
 * would make an entry OK is known when the list is compiled: the slots of those expressions
 * (and matchNames) of the list's terms.
 */
function checksOf(entry: ReportEntry, terms: readonly CompiledTerm[]): readonly number[] {
  let out: number[] | undefined;
  let base = 0;
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    if (entry.feature === t.feature) {
      if (entry.name === undefined) {
        if (t.matchName && sameExpression(entry.expression, t.matchName.expression))
          out = out ? [...out, base + termSlots(t) - 1] : [base + termSlots(t) - 1];
      } else {
        const exprs = t.expressions ?? NONE;
        for (let j = 0; j < exprs.length; j++) {
          const x = exprs[j]!;
          if (x.name === entry.name && sameExpression(entry.expression, x.expression))
            out = out ? [...out, base + j] : [base + j];
        }
      }
    }
    base += termSlots(t);
  }
  // Arrays of the exact size (most have one slot; an array grown by push holds room for 17).
  return out ?? NONE;
}
