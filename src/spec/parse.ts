// Reads an image compatibility spec (YAML or JSON) into typed data, with every problem located at
// file:line:column and a field path. Schema errors come from ajv (all of them, not only the
// first); NFD's evaluation errors that can be seen without a host come from checks.ts.
import { Ajv, type ValidateFunction } from 'ajv';
import { stringify } from 'yaml';
import { nfdDiagnostics } from './checks.js';
import {
  parseSource,
  schemaDiagnostics,
  throwFirstError,
  type Diagnostic,
  type SourceDocument,
} from './document.js';
import { specSchema } from './schema.js';
import type { Compatibility, FeatureMatcherTerm, MatchExpression, Rule, Spec } from './types.js';

let validator: ValidateFunction | undefined;

function validateSchema(): ValidateFunction {
  // verbose: schemaDiagnostics reads parentSchema to suggest field names.
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(specSchema);
  return validator;
}

/** Every schema error and statically detectable NFD error; `spec` is set when there is no error. */
export function checkSpecDocument(src: SourceDocument): { spec?: Spec; diagnostics: Diagnostic[] } {
  const validate = validateSchema();
  if (!validate(src.value)) return { diagnostics: schemaDiagnostics(src, validate.errors) };
  const spec = normalizeSpec(src.value as Spec);
  const diagnostics = nfdDiagnostics(src, spec);
  return diagnostics.some((d) => d.severity === 'error') ? { diagnostics } : { spec, diagnostics };
}

/** Parses a spec, throwing an InputError (file:line:column, path, what was expected) on the first error. */
export function parseSpec(text: string, file: string): Spec {
  const { spec, diagnostics } = checkSpecDocument(parseSource(text, file));
  throwFirstError(diagnostics);
  return spec!;
}

/**
 * Value items as NFD sees them: YAML numbers and booleans become their string form, the way
 * sigs.k8s.io/yaml converts them for a []string field (an unquoted 1.10 becomes "1.1").
 */
function normalizeSpec(raw: Spec): Spec {
  const expr = (e: MatchExpression): MatchExpression => ({
    op: e.op,
    ...(e.value !== undefined ? { value: e.value.map((v) => String(v)) } : {}),
    ...(e.type !== undefined ? { type: e.type } : {}),
  });
  const terms = (ts: FeatureMatcherTerm[]): FeatureMatcherTerm[] =>
    ts.map((t) => ({
      feature: t.feature,
      ...(t.matchExpressions
        ? {
            matchExpressions: Object.fromEntries(
              Object.entries(t.matchExpressions).map(([k, e]) => [k, expr(e)]),
            ),
          }
        : {}),
      ...(t.matchName ? { matchName: expr(t.matchName) } : {}),
    }));
  const rule = (r: Rule): Rule => ({
    name: r.name,
    ...(r.matchFeatures ? { matchFeatures: terms(r.matchFeatures) } : {}),
    ...(r.matchAny ? { matchAny: r.matchAny.map((m) => ({ matchFeatures: terms(m.matchFeatures) })) } : {}),
    ...(r.vars ? { vars: { ...r.vars } } : {}),
    ...(r.varsTemplate !== undefined ? { varsTemplate: r.varsTemplate } : {}),
  });
  const set = (c: Compatibility): Compatibility => ({
    ...(c.description !== undefined ? { description: c.description } : {}),
    ...(c.tag !== undefined ? { tag: c.tag } : {}),
    ...(c.weight !== undefined ? { weight: c.weight } : {}),
    rules: c.rules.map(rule),
  });
  return { version: raw.version, compatibilities: raw.compatibilities.map(set) };
}

/** The spec as YAML in a stable key order (version, sets: description, tag, weight, rules). */
export function serializeSpec(spec: Spec): string {
  return stringify(normalizeSpec(spec), { lineWidth: 0, aliasDuplicateObjects: false });
}
