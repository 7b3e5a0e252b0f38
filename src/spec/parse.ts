// Reads an image compatibility spec (YAML or JSON) into typed data, with every problem located at
// file:line:column and a field path. Schema errors come from ajv (all of them, not only the
// first); NFD's evaluation errors that can be seen without a host come from checks.ts.
import type { ErrorObject } from 'ajv';
import { nfdDiagnostics, type CheckOptions } from './checks.js';
import { nfdSource } from './yaml11.js';
import { canonicalSpec, serializeSpec } from './serialize.js';
import {
  parseSource,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError,
  type Diagnostic,
  type SourceDocument,
} from './document.js';
import { validate as validateSpecSchema } from './schema.validate.js';
import type { Spec } from './types.js';

export { serializeSpec };

/** The schema compiled ahead of time (allErrors, verbose: schemaDiagnostics reads parentSchema). */
const validateSchema = validateSpecSchema as ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Every schema error and statically detectable NFD error; `spec` is set when there is no error.
 * The spec is the document as NFD decodes it (YAML 1.1: an unquoted `y` in `value` is "true",
 * `1.10` is "1.1"), each such scalar a warning (yaml11.ts).
 */
export function checkSpecDocument(
  text: SourceDocument,
  opts: CheckOptions = {},
): { spec?: Spec; diagnostics: Diagnostic[] } {
  const { src, diagnostics: read } = nfdSource(text);
  const errors = schemaErrors(validateSchema, src.value);
  if (errors) return { diagnostics: [...read, ...schemaDiagnostics(src, errors)] };
  const spec = canonicalSpec(src.value as Spec);
  const diagnostics = [...read, ...nfdDiagnostics(src, spec, opts)];
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { spec, diagnostics };
}

/**
 * Checks an in-memory spec (e.g. one compiled from a config): it is serialized first, so the
 * positions refer to the serialized YAML (`file` names it in messages).
 */
export function checkSpecObject(
  spec: Spec,
  file = '<generated spec>',
): { spec?: Spec; diagnostics: Diagnostic[] } {
  return checkSpecDocument(parseSource(serializeSpec(spec), file));
}

/**
 * Reads a spec to evaluate it (validate): NFD's evaluation-time findings are warnings unless
 * `strict`; schema errors (unknown fields, version, empty compatibilities) always throw.
 */
export function readSpecForEvaluation(
  text: string,
  file: string,
  opts: { strict?: boolean } = {},
): { spec: Spec; warnings: Diagnostic[] } {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file), { lenient: !opts.strict });
  throwFirstError(diagnostics);
  return { spec: spec!, warnings: diagnostics.filter((d) => d.severity === 'warning') };
}

/** Parses a spec, throwing an InputError (file:line:column, path, what was expected) on the first error. */
export function parseSpec(text: string, file: string): Spec {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file));
  throwFirstError(diagnostics);
  return spec!;
}
