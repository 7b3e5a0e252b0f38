// NFD's varsTemplate (pkg/apis/nfd/template): a Go text/template over the rule's matched features,
// with missingkey=error and a 64 KiB cap, whose output is `key=value` lines. npm has no well-kept
// engine for Go templates (the few packages are unmaintained or implement Handlebars-like
// dialects), so image-compat implements the subset NFD's templates use: text and {{ }} actions
// with trim markers and comments; pipelines, variables, field chains, literals; if / else if /
// with / range (over slices, maps in key order and integers) / else / end / break / continue; the
// builtins and the named Sprig functions in funcs.ts (NFD removes env, expandenv and
// getHostByName; we have none of them). Anything outside the subset is an error, never a pass.
import type { MatchedFeatures } from '../terms.js';
import { Execution } from './exec.js';
import { parseTemplate } from './parse.js';
import { TemplateError } from './value.js';

export { TemplateError } from './value.js';
export { FUNCTION_NAMES } from './funcs.js';

/** NFD's MaxTemplateSize: a longer template is refused before it is parsed. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;

/** Parses a template (throws TemplateError); exported for the spec checks. */
export function checkTemplate(template: string): void {
  if (Buffer.byteLength(template) > MAX_TEMPLATE_BYTES) {
    throw new TemplateError(
      `template exceeds maximum allowed size: ${Buffer.byteLength(template)} bytes > ${MAX_TEMPLATE_BYTES} limit`,
    );
  }
  parseTemplate(template);
}

/** The matched features as the template sees them: .domain.feature is the list of matched elements. */
function templateData(features: MatchedFeatures): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const put = (o: Record<string, unknown>, k: string, v: unknown) =>
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [dom, byName] of features) {
    const inner: Record<string, unknown> = {};
    for (const [name, elems] of byName) put(inner, name, elems);
    put(data, dom, inner);
  }
  return data;
}

/**
 * Expands a varsTemplate as NFD's executeTemplate does: nothing for an empty template; else the
 * output's non-blank lines, trimmed, each `key=value` (split at the first `=`). Throws TemplateError.
 */
export function expandVarsTemplate(template: string, features: MatchedFeatures): Record<string, string> {
  const out: Record<string, string> = {};
  if (template === '') return out;
  checkTemplate(template);
  let text: string;
  try {
    text = new Execution(templateData(features)).run(parseTemplate(template), templateData(features));
  } catch (err) {
    if (err instanceof TemplateError) throw new TemplateError(`failed to expand template: ${err.message}`);
    throw err;
  }
  for (const item of text.split('\n')) {
    const trimmed = item.trim();
    if (trimmed === '') continue;
    const eq = trimmed.indexOf('=');
    if (eq < 0) {
      throw new TemplateError(
        `missing value in expanded template line ${JSON.stringify(trimmed)}, (format must be '<key>=<value>')`,
      );
    }
    Object.defineProperty(out, trimmed.slice(0, eq), {
      value: trimmed.slice(eq + 1),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
