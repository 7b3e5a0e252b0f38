// Typed errors, each carrying the exit code of the command-line contract. They are mapped to exit
// codes and annotations in one place (cli.ts, action/), never by string matching.

import { boundQuoted } from './io/limits.js';

export const ExitCode = {
  ok: 0,
  incompatible: 1,
  input: 2,
  registry: 3,
  signature: 4,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where in a source file something is: 1-based line and column. */
export interface SourcePosition {
  file?: string;
  line?: number;
  column?: number;
  /** Path inside the document, e.g. `compatibilities[0].rules[2].matchFeatures[0].feature`. */
  path?: string;
}

export abstract class ImageCompatError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Bad input: a file that cannot be read or parsed, a schema violation, a bad flag. Exit 2. */
export class InputError extends ImageCompatError {
  readonly exitCode = ExitCode.input;
  /** What is wrong; quoted user text in it is cut to LIMITS.echo characters (io/limits.ts). */
  readonly detail: string;
  constructor(
    detail: string,
    readonly position: SourcePosition = {},
    readonly hint?: string,
  ) {
    super(formatPositioned(boundQuoted(detail), position, hint));
    this.detail = boundQuoted(detail);
    this.name = 'InputError';
  }
}

/** NFD's evaluation errors (bad op, value count, regexp, integer): evaluation aborts. Exit 2. */
export class EvaluationError extends ImageCompatError {
  readonly exitCode = ExitCode.input;
  constructor(
    message: string,
    readonly context: { set?: string; rule?: string; feature?: string; key?: string } = {},
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/** A registry could not be reached, refused us, or answered something wrong. Exit 3. */
export class RegistryError extends ImageCompatError {
  readonly exitCode = ExitCode.registry;
  /** Worth trying the operation again (a dropped connection, a 5xx or 429 nobody retried yet). */
  readonly transient: boolean;
  /** How many times the request was sent before this error. */
  readonly attempts: number;
  /** What the registry's `Retry-After` asked for, in ms, when it sent one. */
  readonly retryAfterMs?: number;
  constructor(
    message: string,
    readonly request?: { method: string; url: string },
    readonly response?: { status: number; body?: string },
    extra: { transient?: boolean; attempts?: number; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'RegistryError';
    this.transient = extra.transient ?? false;
    this.attempts = extra.attempts ?? 1;
    if (extra.retryAfterMs !== undefined) this.retryAfterMs = extra.retryAfterMs;
  }
}

/** A signature is missing, does not verify, or does not satisfy the policy. Exit 4. */
export class SignatureError extends ImageCompatError {
  readonly exitCode = ExitCode.signature;
  constructor(message: string) {
    super(message);
    this.name = 'SignatureError';
  }
}

export function formatPositioned(detail: string, pos: SourcePosition, hint?: string): string {
  let where = '';
  if (pos.file) {
    where = pos.file;
    if (pos.line !== undefined) where += `:${pos.line}`;
    if (pos.line !== undefined && pos.column !== undefined) where += `:${pos.column}`;
    where += ': ';
  }
  const path = pos.path ? `${pos.path}: ` : '';
  return `${where}${path}${detail}${hint ? ` (${hint})` : ''}`;
}

/** The exit code for anything thrown: typed errors carry theirs; anything else is a bug -> 2. */
export function exitCodeOf(err: unknown): ExitCode {
  return err instanceof ImageCompatError ? err.exitCode : ExitCode.input;
}
