// Diagnostics for people (text), machines (json) and GitHub Actions (`::error file=...::` workflow
// commands, which become annotations on the pull request's lines).

import { boundQuoted } from '../io/limits.js';
import { commandData, commandProperty, neutraliseText } from '../io/workflow-command.js';
import type { Diagnostic } from '../spec/document.js';

export const OUTPUT_FORMATS = ['text', 'json', 'github'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface JsonDiagnostic {
  file?: string;
  line?: number;
  column?: number;
  severity: Diagnostic['severity'];
  path?: string;
  message: string;
  hint?: string;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = { severity: d.severity, message: d.message };
  if (d.position.file !== undefined) out.file = d.position.file;
  if (d.position.line !== undefined) out.line = d.position.line;
  if (d.position.column !== undefined) out.column = d.position.column;
  if (d.position.path) out.path = d.position.path;
  if (d.hint) out.hint = d.hint;
  return out;
}

function text(d: Diagnostic): string {
  const p = d.position;
  let where = p.file ?? '<input>';
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const path = p.path ? `${p.path}: ` : '';
  return `${where}: ${d.severity}: ${path}${d.message}${d.hint ? ` (${d.hint})` : ''}`;
}

function github(d: Diagnostic): string {
  const p = d.position;
  const props: string[] = [];
  if (p.file) props.push(`file=${commandProperty(p.file)}`);
  if (p.line !== undefined) props.push(`line=${p.line}`);
  if (p.column !== undefined) props.push(`col=${p.column}`);
  props.push(`title=${commandProperty(`image-compat lint${p.path ? `: ${p.path}` : ''}`)}`);
  const message = `${d.message}${d.hint ? ` (${d.hint})` : ''}`;
  return `::${d.severity} ${props.join(',')}::${commandData(message)}`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[], format: OutputFormat): string {
  if (format === 'json')
    return `${JSON.stringify(
      diagnostics.map((d) => toJson({ ...d, message: boundQuoted(d.message) })),
      null,
      2,
    )}\n`;
  // Text is for people, but reaches a runner's log too: no line of it may be a workflow command.
  const bounded = diagnostics.map((d) => ({ ...d, message: boundQuoted(d.message) }));
  const lines = bounded.map(format === 'github' ? github : (d) => neutraliseText(text(d)));
  return lines.length ? `${lines.join('\n')}\n` : '';
}
