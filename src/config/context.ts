// What the config compiler shares between its parts: the problems it collects (each with the path
// of the field, so lint can point at the line) and the notes it gives authors.
import type { PathSegment } from '../spec/document.js';
import type { MatchExpression, Spec } from '../spec/types.js';
import type { OneOrMany } from './types.js';

export interface ConfigIssue {
  severity: 'error' | 'warning';
  message: string;
  path: PathSegment[];
  hint?: string;
}

export interface CompileResult {
  spec: Spec;
  /** What authors should know: rules NFD cannot check, NFD version needs. */
  notes: string[];
  issues: ConfigIssue[];
}

/** Most `||` combinations one rule may expand to (each is one matchAny element). */
export const MAX_ALTERNATIVES = 16;

export class Context {
  readonly issues: ConfigIssue[] = [];
  /** Notes of the set being compiled (kept only when the set applies to the platform). */
  notes = new Set<string>();
  usesVersionType = false;

  error(path: PathSegment[], message: string, hint?: string): void {
    this.issues.push({ severity: 'error', message, path, hint });
  }
  warn(path: PathSegment[], message: string, hint?: string): void {
    this.issues.push({ severity: 'warning', message, path, hint });
  }
}

export const list = <T>(v: OneOrMany<T> | undefined): T[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];
export const expr = (op: MatchExpression['op'], ...value: string[]): MatchExpression =>
  value.length ? { op, value } : { op };

/** Expressions for one key: a list of `||` alternatives, each one or two expressions. */
export type KeyAlternatives = { key: string; alternatives: MatchExpression[][] };

/** Compiles every set that applies to `platform` (all sets when none is given). */
