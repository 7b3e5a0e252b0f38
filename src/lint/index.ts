// Lints configs and specs, told apart by content: a config says `version: 1` and names its sets; a
// spec says `version: v1alpha1`. Returns every diagnostic with its file:line:column, path and hint.
import { checkConfigDocument } from '../config/load.js';
import { InputError } from '../errors.js';
import { parseSource, positionOf, valueAt, type Diagnostic, type SourceDocument } from '../spec/document.js';
import { lintRules } from './rules.js';
import { checkSpecDocument } from '../spec/parse.js';
import { nfdSource } from '../spec/yaml11.js';

import { detectKind, type DocumentKind } from './kind.js';

export { detectKind, type DocumentKind };

export interface LintResult {
  file: string;
  kind?: DocumentKind;
  diagnostics: Diagnostic[];
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return (
    (a.position.line ?? 0) - (b.position.line ?? 0) || (a.position.column ?? 0) - (b.position.column ?? 0)
  );
}

export function lintConfig(src: SourceDocument): Diagnostic[] {
  const checked = checkConfigDocument(src);
  const out = [...checked.diagnostics];
  const sets = valueAt(src.value, ['compatibilities']);
  if (checked.config && Array.isArray(sets)) {
    // Raw rules are re-serialised by generate (strings quoted), so only their meaning is checked.
    sets.forEach((_, i) => out.push(...lintRules(src, ['compatibilities', i, 'rules'])));
  }
  return out;
}

export function lintSpec(src: SourceDocument): Diagnostic[] {
  // Structure, NFD's evaluation errors and YAML 1.1 readings: the spec room's checks;
  // never-matching rules: ours, on the values as NFD reads them (`value: [y]` is "true").
  const out = [...checkSpecDocument(src).diagnostics];
  const nfd = nfdSource(src).src;
  const sets = valueAt(nfd.value, ['compatibilities']);
  if (Array.isArray(sets)) {
    sets.forEach((_, i) => out.push(...lintRules(nfd, ['compatibilities', i, 'rules'])));
  }
  return out;
}

/** Lints one document's text. Unreadable YAML is one error diagnostic, not an exception. */
export function lintSource(text: string, file: string): LintResult {
  let src: SourceDocument;
  try {
    src = parseSource(text, file);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return {
      file,
      diagnostics: [{ severity: 'error', message: err.detail, position: err.position, hint: err.hint }],
    };
  }
  const kind = detectKind(src.value);
  if (!kind) {
    return {
      file: src.file,
      diagnostics: [
        {
          severity: 'error',
          message: 'neither an image-compat config (version: 1) nor an NFD spec (version: v1alpha1)',
          position: positionOf(src, ['version']),
        },
      ],
    };
  }
  const diagnostics = kind === 'config' ? lintConfig(src) : lintSpec(src);
  return { file: src.file, kind, diagnostics: diagnostics.sort(byPosition) };
}
