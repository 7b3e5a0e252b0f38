// Reads one validation report from text: JSON (or YAML) checked against the report schema, with
// errors that name file, line and field. Pure: the caller reads the file.
import { Ajv, type ValidateFunction } from 'ajv';
import { parseSource, schemaDiagnostics, throwFirstError } from '../spec/document.js';
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
