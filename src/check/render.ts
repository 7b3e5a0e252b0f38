// The check's result for people: plain text (terminal) and Markdown (job summary, PR comment).
// Lint findings, the requirement-change table, and the hosts newly excluded or admitted.
import { ExitCode } from '../errors.js';
import { formatDiagnostics } from '../lint/format.js';
import type { Diagnostic } from '../spec/document.js';
import type { FleetImpact } from './fleet.js';
import type { RequirementChange } from './requirements.js';
import { neutraliseText } from '../io/workflow-command.js';

/** What the renderers need (the command's result, without its I/O types). */
export interface CheckSummary {
  config: string;
  baseline: { kind: 'ref' | 'config' | 'image'; source: string };
  lint: {
    files: Array<{ file: string; kind?: string; diagnostics: Diagnostic[] }>;
    errors: number;
    warnings: number;
  };
  compared: boolean;
  platforms: string[];
  changes: RequirementChange[];
  fleet?: FleetImpact;
  notes: string[];
}

const BASELINE = { ref: 'the config at', config: 'the base config', image: 'the specs published for' };

function baselineText(s: CheckSummary): string {
  return `${BASELINE[s.baseline.kind]} ${s.baseline.source}`;
}

function where(d: Diagnostic): string {
  const p = d.position;
  return `${p.file ?? '<input>'}${p.line !== undefined ? `:${p.line}` : ''}${p.line !== undefined && p.column !== undefined ? `:${p.column}` : ''}`;
}

const platformText = (p: string) => p || 'all';

export function renderCheckText(s: CheckSummary): string {
  const out: string[] = [];
  out.push(`image-compat check: ${s.config} against ${baselineText(s)}`);
  out.push('');
  const diags = s.lint.files.flatMap((f) => f.diagnostics);
  out.push(`Lint: ${s.lint.files.length} file(s), ${s.lint.errors} error(s), ${s.lint.warnings} warning(s)`);
  for (const d of diags) {
    out.push(
      `  ${where(d)}: ${d.severity}: ${d.position.path ? `${d.position.path}: ` : ''}${d.message}${d.hint ? ` (${d.hint})` : ''}`,
    );
  }
  if (s.compared) {
    out.push('');
    out.push(`Requirement changes: ${s.changes.length}`);
    for (const c of s.changes) {
      const what =
        c.before !== undefined && c.after !== undefined
          ? `${c.before} -> ${c.after}`
          : (c.after ?? c.before ?? '');
      out.push(
        `  ${platformText(c.platform)}  ${c.set}  ${c.rule}  ${c.feature} ${c.key}: ${c.change} ${what}`,
      );
    }
    if (s.fleet) {
      out.push('');
      out.push(
        `Fleet: ${s.fleet.hosts.length} host(s), ${s.fleet.excluded.length} newly excluded, ${s.fleet.admitted.length} newly admitted`,
      );
      for (const h of s.fleet.hosts) {
        const mark =
          h.admittedBefore === h.admittedAfter
            ? ''
            : h.admittedAfter
              ? '  NEWLY ADMITTED'
              : '  NEWLY EXCLUDED';
        out.push(
          `  ${h.name} (${h.architecture ?? 'unknown arch'}): ${verdict(h.before)} -> ${verdict(h.after)}${mark}`,
        );
        for (const e of unique(h.errors)) out.push(`    error: ${e}`);
      }
    }
  }
  if (s.notes.length) {
    out.push('');
    for (const n of s.notes) out.push(`note: ${n}`);
  }
  return neutraliseText(`${out.join('\n')}\n`);
}

/** A host's evaluation errors, once each (before and after often fail alike). */
function unique(errors: string[] | undefined): string[] {
  return [...new Set((errors ?? []).map((e) => e.replace(/^(before|after): /, '')))];
}

function verdict(sets: string[]): string {
  return sets.length ? `admitted (${sets.join(', ')})` : 'excluded';
}

/** Markdown table cells: pipes and line breaks escaped, HTML neutralised. */
function cell(s: string | undefined): string {
  if (s === undefined || s === '') return '';
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

const code = (s: string | undefined) => (s ? `\`${s.replace(/`/g, "'")}\`` : '');

const CHANGE_ICON: Record<RequirementChange['change'], string> = {
  added: '➕ added',
  removed: '➖ removed',
  tightened: '🔒 tightened',
  loosened: '🔓 loosened',
  changed: '✏️ changed',
};

export function renderCheckMarkdown(s: CheckSummary): string {
  const out: string[] = [];
  out.push('## image-compat check');
  out.push('');
  out.push(`${code(s.config)} compared with ${cell(BASELINE[s.baseline.kind])} ${code(s.baseline.source)}.`);
  out.push('');
  const diags = s.lint.files.flatMap((f) => f.diagnostics);
  out.push(
    `### Lint: ${s.lint.errors} error(s), ${s.lint.warnings} warning(s) in ${s.lint.files.length} file(s)`,
  );
  out.push('');
  if (diags.length) {
    out.push('| where | level | path | message |', '| --- | --- | --- | --- |');
    for (const d of diags) {
      out.push(
        `| ${code(where(d))} | ${d.severity} | ${code(d.position.path)} | ${cell(`${d.message}${d.hint ? ` (${d.hint})` : ''}`)} |`,
      );
    }
    out.push('');
  }
  if (s.compared) {
    out.push(`### Requirement changes (${s.changes.length})`);
    out.push('');
    if (s.changes.length) {
      out.push('| platform | set | rule | feature | key | change | before | after |');
      out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const c of s.changes) {
        out.push(
          `| ${cell(platformText(c.platform))} | ${cell(c.set)} | ${cell(c.rule)} | ${code(c.feature)} | ${code(c.key)} | ${CHANGE_ICON[c.change]} | ${cell(c.before)} | ${cell(c.after)} |`,
        );
      }
    } else out.push('No requirement changed.');
    out.push('');
    if (s.fleet) {
      const f = s.fleet;
      out.push(
        `### Fleet: ${f.excluded.length} newly excluded, ${f.admitted.length} newly admitted of ${f.hosts.length} host(s)`,
      );
      out.push('');
      if (f.excluded.length) out.push(`**Newly excluded:** ${f.excluded.map(code).join(', ')}`, '');
      if (f.admitted.length) out.push(`**Newly admitted:** ${f.admitted.map(code).join(', ')}`, '');
      out.push('| host | arch | before | after | |', '| --- | --- | --- | --- | --- |');
      for (const h of f.hosts) {
        const mark =
          h.admittedBefore === h.admittedAfter
            ? ''
            : h.admittedAfter
              ? '🟢 newly admitted'
              : '🔴 newly excluded';
        out.push(
          `| ${code(h.name)} | ${cell(h.architecture ?? '?')} | ${cell(verdict(h.before))} | ${cell(verdict(h.after))} | ${cell([mark, ...unique(h.errors).map((e) => `⚠️ ${e}`)].filter(Boolean).join('; '))} |`,
        );
      }
      out.push('');
    }
  }
  if (s.notes.length) {
    for (const n of s.notes) out.push(`> ${cell(n)}`, '>');
    out.pop();
    out.push('');
  }
  return neutraliseText(`${out.join('\n')}\n`);
}

/** The exit status of a check: lint errors 2, a newly excluded host 1 when asked, else 0. */
export function checkExitCode(result: CheckSummary, failOnExclusion: boolean): number {
  if (result.lint.errors > 0) return ExitCode.input;
  if (failOnExclusion && (result.fleet?.excluded.length ?? 0) > 0) return ExitCode.incompatible;
  return ExitCode.ok;
}

/** The result as JSON: data for scripts (the action's `changes` output has the same rows). */
export function checkJson(result: CheckSummary): string {
  const lint = result.lint.files.map((f) => ({
    file: f.file,
    kind: f.kind,
    diagnostics: JSON.parse(formatDiagnostics(f.diagnostics, 'json')) as unknown,
  }));
  return `${JSON.stringify(
    {
      config: result.config,
      baseline: result.baseline,
      lint: { errors: result.lint.errors, warnings: result.lint.warnings, files: lint },
      compared: result.compared,
      platforms: result.platforms,
      changes: result.changes,
      ...(result.fleet && {
        fleet: result.fleet,
        excluded: result.fleet.excluded,
        admitted: result.fleet.admitted,
      }),
      notes: result.notes,
    },
    null,
    2,
  )}\n`;
}
