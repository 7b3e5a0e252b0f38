// `lint`: configs and specs, every problem with file:line:column, path and hint.
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { InputError } from '../errors.js';
import { lintSource, type LintResult } from '../lint/index.js';
import { displayName, readSource } from '../spec/document.js';

export interface LintOptions {
  files?: string[];
}

export interface LintSummary {
  results: LintResult[];
  errors: number;
  warnings: number;
}

export async function lint(opts: LintOptions): Promise<LintSummary> {
  const files = opts.files?.length ? opts.files : [DEFAULT_CONFIG_PATH];
  const results: LintResult[] = [];
  for (const file of files) {
    try {
      results.push(lintSource(await readSource(file), file));
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      results.push({
        file: displayName(file),
        diagnostics: [{ severity: 'error', message: err.detail, position: err.position, hint: err.hint }],
      });
    }
  }
  const all = results.flatMap((r) => r.diagnostics);
  return {
    results,
    errors: all.filter((d) => d.severity === 'error').length,
    warnings: all.filter((d) => d.severity === 'warning').length,
  };
}
