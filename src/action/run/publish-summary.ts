// The publish action's job summary: what was attached where (digests), then each platform's
// requirements as a table a person reads (set, rule, feature, expressions), and the compiler's notes.
import { tableRow, text } from '../../report/format.js';
import type { FeatureMatcherTerm, MatchExpression, Spec } from '../../spec/types.js';
import type { PublishInputs } from '../runtime.js';
import type { PublishOutcome } from './publish.js';

/** A code span in a table cell: no Markdown inside, but a `|` still ends the cell (GFM). */
const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
const digestOf = (ref: string | null) => (ref ? code(ref.slice(ref.lastIndexOf('@') + 1)) : '—');

/** `vendor In 10de, 1002`, `AVX2 Exists`, `version Ge 5.15 (version)`. */
export function expressionText(key: string, e: MatchExpression): string {
  const value = e.value?.length ? ` ${e.value.join(', ')}` : '';
  return `${key} ${e.op}${value}${e.type ? ` (${e.type})` : ''}`;
}

function termText(t: FeatureMatcherTerm): string {
  const parts = Object.entries(t.matchExpressions ?? {}).map(([k, e]) => expressionText(k, e));
  if (t.matchName) parts.push(expressionText('name', t.matchName));
  return parts.map(code).join('<br>') || 'any';
}

/** One row per feature term; matchAny alternatives are numbered `or 1`, `or 2`. */
export function requirementsTable(spec: Spec): string {
  const rows = [tableRow(['Set', 'Rule', 'Feature', 'Requirement']), tableRow(['---', '---', '---', '---'])];
  for (const set of spec.compatibilities) {
    const name = text(set.tag ?? set.description ?? '(unnamed)');
    for (const rule of set.rules) {
      for (const t of rule.matchFeatures ?? [])
        rows.push(tableRow([name, text(rule.name), code(t.feature), termText(t)]));
      (rule.matchAny ?? []).forEach((alt, i) => {
        for (const t of alt.matchFeatures)
          rows.push(tableRow([name, `${text(rule.name)} (or ${i + 1})`, code(t.feature), termText(t)]));
      });
      if (!rule.matchFeatures?.length && !rule.matchAny?.length)
        rows.push(tableRow([name, text(rule.name), '—', 'always']));
    }
    if (!set.rules.length) rows.push(tableRow([name, '—', '—', 'matches every host']));
  }
  return rows.join('\n');
}

export function publishMarkdown(result: PublishOutcome, inputs: PublishInputs): string {
  const out: string[] = ['## image-compat publish', ''];
  out.push(`Image: ${code(inputs.image)}`, '');
  if (inputs.dryRun) out.push('**Dry run**: nothing was pushed.', '');
  const signing =
    result.signing === 'none'
      ? 'unsigned'
      : result.signing === 'keyless'
        ? 'signed keyless (Sigstore)'
        : 'signed with a key';
  out.push(`Artifacts: ${signing}.`, '');
  out.push(tableRow(['Platform', 'Manifest', 'Compatibility artifact', 'Signature']));
  out.push(tableRow(['---', '---', '---', '---']));
  for (const a of result.artifacts) {
    out.push(tableRow([a.platform ?? '—', digestOf(a.subject), digestOf(a.artifact), digestOf(a.signature)]));
  }
  if (result.outcome.skipped.length) {
    out.push(
      '',
      `No compatibility set applies to ${result.outcome.skipped.map(code).join(', ')}: nothing attached there.`,
    );
  }
  for (const a of result.outcome.artifacts) {
    out.push('', `### Requirements for ${a.platform ?? 'the image'}`, '', requirementsTable(a.spec));
  }
  if (result.outcome.notes.length) {
    out.push('', '### Notes', '', ...result.outcome.notes.map((n) => `- ${text(n)}`));
  }
  return `${out.join('\n')}\n`;
}
