// Reads a config with source positions: schema errors (unknown keys with did-you-mean, wrong
// types) and the compiler's own problems (bad ranges, unknown vendors) become diagnostics at the
// line and column of the field, so `lint` can list them all and `generate` can stop at the first.
import {
  parseSource,
  positionOf,
  readSource,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError,
  type Diagnostic,
  type SourceDocument,
} from '../spec/document.js';
import { numbersAsWritten } from './as-written.js';
import { boundQuoted } from '../io/limits.js';
import { compileConfig, type CompileResult } from './compile.js';
import { runnerIssues } from './runner.js';
import { configValidator } from './schema.js';
import type { ImageCompatConfig } from './types.js';

export interface CheckedConfig {
  config?: ImageCompatConfig;
  /** The compile result when the config is structurally valid (errors included). */
  compiled?: CompileResult;
  diagnostics: Diagnostic[];
}

/** Validates a parsed document as a config; never throws for bad content. */
export function checkConfigDocument(src: SourceDocument): CheckedConfig {
  // Numbers as written: `version: 22.10` is "22.10", not 22.1 (./as-written.ts).
  const written = numbersAsWritten(src);
  const errors = schemaErrors(configValidator(), written.value);
  if (errors) return { diagnostics: schemaDiagnostics(src, errors) };
  const config = written.value as ImageCompatConfig;
  const compiled = compileConfig(config);
  const diagnostics: Diagnostic[] = [...written.warnings];
  diagnostics.push(
    ...[...compiled.issues, ...runnerIssues(config)].map((issue) => ({
      severity: issue.severity,
      message: boundQuoted(issue.message),
      position: positionOf(src, issue.path),
      hint: issue.hint,
    })),
  );
  return { config, compiled, diagnostics };
}

/** Parses and validates a config; throws the first error as an InputError at its position. */
export function parseConfig(
  text: string,
  file: string,
): { config: ImageCompatConfig; src: SourceDocument; warnings: Diagnostic[] } {
  const src = parseSource(text, file);
  const checked = checkConfigDocument(src);
  throwFirstError(checked.diagnostics);
  return {
    config: checked.config!,
    src,
    warnings: checked.diagnostics.filter((d) => d.severity === 'warning'),
  };
}

export async function loadConfig(file: string): Promise<ReturnType<typeof parseConfig>> {
  return parseConfig(await readSource(file), file);
}
