// Reads one validation report from text: JSON (or YAML) checked against the report schema, with
// errors that name file, line and field. Pure: the caller reads the file.
import { Ajv, type ValidateFunction } from 'ajv';
import { InputError } from '../errors.js';
import { parseSource, positionOf, schemaDiagnostics, throwFirstError } from '../spec/document.js';
import type { PlannedRun } from './merge.js';
import type { ValidationReport } from './report.js';
import { validationReportSchema } from './schema.js';

let validator: ValidateFunction | undefined;

function validate(value: unknown): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(validationReportSchema);
  validator(value);
  return validator;
}

/**
 * True for a document that claims to be a report (an object with `results`): such a document must
 * then be valid. Other JSON that lands in the same artifact folder (feature snapshots, NodeFeature
 * objects, specs) is not a report and is left alone.
 */
export function looksLikeReport(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'results' in value;
}

/** The report in `text`, `undefined` when the document is not a report; InputError when a bad one. */
export function parseReport(text: string, file: string): ValidationReport | undefined {
  const src = parseSource(text, file);
  if (!looksLikeReport(src.value)) return undefined;
  const v = validate(src.value);
  if (v.errors?.length) throwFirstError(schemaDiagnostics(src, v.errors));
  return src.value as ValidationReport;
}

/** The plan's matrix: the array `plan` outputs, or `{include: [...]}`; entries name their set. */
export function parsePlannedRuns(text: string, file: string): PlannedRun[] {
  const src = parseSource(text, file);
  const value = src.value;
  const wrapped = value !== null && typeof value === 'object' && !Array.isArray(value) && 'include' in value;
  const entries = wrapped ? (value as { include: unknown }).include : value;
  const base = wrapped ? ['include'] : [];
  if (!Array.isArray(entries)) {
    throw new InputError('expected the plan matrix: a JSON array of include entries', positionOf(src, base));
  }
  entries.forEach((entry: unknown, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      throw new InputError('expected a matrix entry (a mapping)', positionOf(src, [...base, i]));
    }
    const set = (entry as { name?: unknown }).name;
    if (set !== undefined && typeof set !== 'string') {
      throw new InputError(
        "expected the set's name (its tag), a string",
        positionOf(src, [...base, i, 'name']),
      );
    }
  });
  return entries as PlannedRun[];
}
