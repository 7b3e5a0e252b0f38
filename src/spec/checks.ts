// Statically detectable NFD evaluation errors in a schema-valid spec: NFD only finds these while
// evaluating (and only when the host has the key), so a broken spec can pass on one host and abort
// on another. We report them up front, at the line of the expression. They are errors for lint,
// generate and `validate --strict`; `validate` (lenient) reports them as warnings and evaluates
// as NFD does, so a finding never changes the verdict NFD would give.
import type { Diagnostic, PathSegment, SourceDocument } from './document.js';
import { closest, positionOf } from './document.js';
import { MATCH_OPS, type FeatureMatcherTerm, type MatchExpression, type Spec } from './types.js';
import { compileRE2, literalPattern, parseGoInt, parseVersion, rethrowEngineError } from './values.js';
import { setting } from '../settings.js';

const NO_VALUE = new Set(['Exists', 'DoesNotExist', 'IsTrue', 'IsFalse']);
const ONE_VALUE = new Set(['Gt', 'Ge', 'Lt', 'Le']);
const TWO_VALUES = new Set(['GtLt', 'GeLe']);

const KNOWN_OPS: ReadonlySet<string> = new Set(MATCH_OPS);
const COMPARE_OPS = new Set([...ONE_VALUE, ...TWO_VALUES]);

export interface ExpressionProblem {
  severity: Diagnostic['severity'];
  message: string;
  at: PathSegment[];
  hint?: string;
}

/** Problems with one expression (path suffixes relative to it); empty when it is fine. */
export function expressionProblems(e: MatchExpression): ExpressionProblem[] {
  const out: ExpressionProblem[] = [];
  const err = (message: string, at: PathSegment[] = [], hint?: string) =>
    out.push({ severity: 'error', message, at, ...(hint && { hint }) });
  const warn = (message: string, at: PathSegment[]) => out.push({ severity: 'warning', message, at });
  const values = e.value ?? [];
  const n = values.length;
  const op = (e.op as string | undefined) ?? '';
  if (op === '') {
    err(
      'op is empty or missing: NFD reads that as MatchAny, which is always true',
      ['op'],
      `give one of ${MATCH_OPS.join(', ')}`,
    );
    if (n !== 0) err(`op MatchAny (empty) takes no value (have ${n})`, ['value']);
    return out;
  }
  if (!KNOWN_OPS.has(op)) {
    const close = closest(op, MATCH_OPS);
    err(
      `must be one of ${MATCH_OPS.join(', ')}; got ${JSON.stringify(op)}`,
      ['op'],
      close && `did you mean "${close}"?`,
    );
    return out;
  }
  const type = e.type as string | undefined;
  if (type !== undefined && type !== 'version') {
    if (type !== '' && COMPARE_OPS.has(op)) {
      err(`type must be version; got ${JSON.stringify(type)} (NFD fails on it when it compares)`, ['type']);
    } else if (type === '') {
      warn('type "" is the default (integers): leave it out', ['type']);
    } else {
      warn(`type ${JSON.stringify(type)} is not a type (NFD ignores it for ${op})`, ['type']);
    }
  }
  if (NO_VALUE.has(e.op)) {
    if (n !== 0) err(`op ${e.op} takes no value (have ${n})`, ['value']);
  } else if (ONE_VALUE.has(e.op)) {
    if (n !== 1) err(`op ${e.op} takes exactly one value (have ${n})`, ['value']);
  } else if (TWO_VALUES.has(e.op)) {
    if (n !== 2) err(`op ${e.op} takes exactly two values (have ${n})`, ['value']);
  } else if (n === 0) {
    err(`op ${e.op} needs at least one value`, e.value ? ['value'] : []);
  }
  if (out.length) return out;
  if (e.type === 'version' && !COMPARE_OPS.has(e.op)) {
    out.push({
      severity: 'warning',
      message: `type ${e.type} applies only to Gt, Ge, Lt, Le, GtLt, GeLe (NFD ignores it here)`,
      at: ['type'],
    });
  }
  if (e.op === 'InRegexp') {
    values.forEach((v, i) => {
      try {
        if (!literalPattern(v)) compileRE2(v); // plain text is valid without the engine
      } catch (e) {
        rethrowEngineError(e);
        err(`invalid RE2 regular expression ${JSON.stringify(v)}: ${(e as Error).message}`, ['value', i]);
      }
    });
  }
  if (COMPARE_OPS.has(e.op) && (e.type === undefined || e.type === 'version' || (e.type as string) === '')) {
    const parse = e.type === 'version' ? parseVersion : parseGoInt;
    const what = e.type === 'version' ? 'a version (major[.minor[.patch]])' : 'an integer';
    const parsed = values.map((v, i) => {
      const p = parse(v);
      if (p === undefined) err(`value ${JSON.stringify(v)} is not ${what}`, ['value', i]);
      return p;
    });
    if (TWO_VALUES.has(e.op) && parsed[0] !== undefined && parsed[1] !== undefined) {
      if (e.type === 'version') {
        // NFD has no ordering check for versions: a reversed range is simply never true.
        const [a, b] = parsed as bigint[][];
        const cmp = a!.findIndex((x, i) => x !== b![i]);
        if (cmp < 0 || a![cmp]! > b![cmp]!)
          warn(`value[0] is not less than value[1] (have ${values.join(', ')}): the range never matches`, [
            'value',
          ]);
      } else if ((parsed[0] as bigint) >= (parsed[1] as bigint)) {
        err(`value[0] must be less than value[1] for op ${e.op} (have ${values.join(', ')})`, ['value']);
      }
    }
  }
  return out;
}

export interface CheckOptions {
  /**
   * validate's reading: what NFD would only find while evaluating (or would ignore) is a warning,
   * and the spec is evaluated as NFD evaluates it. Default: errors (lint, generate, --strict).
   */
  lenient?: boolean;
}

/** NFD-level diagnostics for a spec that passed the schema. */
export function nfdDiagnostics(src: SourceDocument, spec: Spec, opts: CheckOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Diagnostic['severity'], message: string, path: PathSegment[], hint?: string) =>
    out.push({
      severity: opts.lenient ? 'warning' : severity,
      message:
        opts.lenient && severity === 'error'
          ? `${message} (an error for lint and ${setting('strict')})`
          : message,
      position: positionOf(src, path),
      hint,
    });
  const tags = new Map<string, number>();

  const checkExpression = (e: MatchExpression, path: PathSegment[]) => {
    for (const p of expressionProblems(e)) add(p.severity, p.message, [...path, ...p.at], p.hint);
  };
  const checkTerms = (terms: FeatureMatcherTerm[] | undefined, path: PathSegment[]) =>
    (terms ?? []).forEach((t, ti) => {
      const tp = [...path, ti];
      if (t.feature === '')
        add('error', 'feature must not be empty (expected domain.feature, e.g. pci.device)', [
          ...tp,
          'feature',
        ]);
      if (t.feature !== t.feature.toLowerCase()) {
        add(
          'warning',
          `feature name ${JSON.stringify(t.feature)} has capitals: NFD looks it up lower-cased but reports every expression of it as failed`,
          [...tp, 'feature'],
        );
      }
      if (!t.matchExpressions && !t.matchName) {
        add(
          'warning',
          `term has neither matchExpressions nor matchName: it matches whenever ${t.feature} exists`,
          tp,
        );
      }
      for (const [key, e] of Object.entries(t.matchExpressions ?? {}))
        checkExpression(e, [...tp, 'matchExpressions', key]);
      if (t.matchName) checkExpression(t.matchName, [...tp, 'matchName']);
    });

  spec.compatibilities.forEach((c, ci) => {
    if (c.tag !== undefined) {
      const prev = tags.get(c.tag);
      if (prev !== undefined)
        add(
          'warning',
          `tag ${JSON.stringify(c.tag)} is also used by compatibilities[${prev}]: ${setting('tags')} selects both`,
          ['compatibilities', ci, 'tag'],
        );
      else tags.set(c.tag, ci);
    }
    c.rules.forEach((r, ri) => {
      const rp: PathSegment[] = ['compatibilities', ci, 'rules', ri];
      checkTerms(r.matchFeatures, [...rp, 'matchFeatures']);
      (r.matchAny ?? []).forEach((m, mi) =>
        checkTerms(m.matchFeatures, [...rp, 'matchAny', mi, 'matchFeatures']),
      );
    });
  });
  return out;
}
