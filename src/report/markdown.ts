// Renders a merged matrix report as Markdown for the job summary (and `image-compat report`):
// the verdict, the set x runner table, each runner's hardware, then what failed where: a source a
// runner could not read is named in its cell and its failure section, not shown as missing hardware.
// Every value that came from a host or a spec is escaped: it is data, not Markdown.
import type { HardwareSummary } from './report.js';
import type { Cell, MergedReport, Row } from './merge.js';
import { describe } from './merge.js';
import { describeUnreadable, unreadableText } from './report.js';
import { cpu, expected, gpu, hostHas, keyOf, list, nic, rdma, tableRow, text } from './format.js';
import { neutraliseText } from '../io/workflow-command.js';

export interface MarkdownOptions {
  /** At most this many failed (set, runner) pairs are detailed; the rest are counted. */
  maxFailureDetails?: number;
}

const MARK: Record<Cell['verdict'], string> = { compatible: '✅', incompatible: '❌', error: '⚠️' };

export function renderMarkdown(merged: MergedReport, opts: MarkdownOptions = {}): string {
  const out: string[] = ['## Image compatibility', ''];
  out.push(verdictLine(merged), '');
  if (merged.images.length === 1) out.push(`Image: ${text(merged.images[0]!)}`, '');
  else if (merged.images.length > 1) out.push(`Images: ${merged.images.map(text).join(', ')}`, '');

  if (merged.rows.length) out.push(...matrixTable(merged), '');
  for (const m of merged.missing) {
    out.push(
      m.id !== undefined
        ? `⚠️ ${text(m.set)}${m.platform ? ` (${text(m.platform)})` : ''}: planned job \`${text(m.id)}\` sent no report.`
        : `⚠️ ${text(m.set)}: ${m.planned - m.reported} of ${m.planned} planned runs sent no report.`,
      '',
    );
  }
  if (merged.runners.length) out.push('### Runners', '', ...runnerTable(merged), '');
  out.push(...recordSection(merged));
  out.push(...failureSections(merged, opts.maxFailureDetails ?? 50));
  return neutraliseText(`${out.join('\n').trimEnd()}\n`);
}

function verdictLine(m: MergedReport): string {
  const rule =
    m.require === 'all'
      ? 'every compatibility set on every runner that ran it'
      : 'every compatibility set on at least one runner';
  const counts = `${m.totals.runs} run${m.totals.runs === 1 ? '' : 's'}: ${m.totals.compatible} compatible, ${m.totals.incompatible} incompatible, ${m.totals.error} errors`;
  if (m.rows.length === 0)
    return m.missing.length
      ? `**❌ Not compatible**: no planned job sent a report.`
      : `**❌ No results**: no report contained a verdict.`;
  return m.compatible
    ? `**✅ Compatible**: ${rule} (require \`${m.require}\`). ${counts}.`
    : `**❌ Not compatible**: ${rule} was required (require \`${m.require}\`). ${counts}.`;
}

function matrixTable(m: MergedReport): string[] {
  const showImage = m.images.length > 1;
  const showPlatform = m.rows.some((r) => r.platform);
  const head = ['Compatibility set', ...(showImage ? ['Image'] : []), ...(showPlatform ? ['Platform'] : [])];
  const lines = [
    tableRow([...head, ...m.runners.map((r) => text(r.name))]),
    tableRow([...head, ...m.runners].map(() => '---')),
  ];
  for (const row of m.rows) {
    const cells = m.runners.map((r) => {
      const cell = row.cells.find((c) => c.runner === r.name);
      if (!cell) return '—';
      const record = cell.attestation ? ` · record \`${text(cell.attestation.slice(0, 19))}\`` : '';
      return `${MARK[cell.verdict]} ${text(describe(cell))}${record}`;
    });
    const label =
      row.description && row.description !== row.set
        ? `${text(row.set)}<br>${text(row.description)}`
        : text(row.set);
    lines.push(
      tableRow([
        label,
        ...(showImage ? [text(row.image ?? '')] : []),
        ...(showPlatform ? [text(row.platform ?? '')] : []),
        ...cells,
      ]),
    );
  }
  return lines;
}

/** `registry/repo` of an image reference (its tag or digest dropped). */
function repositoryOf(image: string): string {
  return image.replace(/@sha256:[a-f0-9]+$/, '').replace(/:[^/:]+$/, '');
}

/** Each cell's validation record, in full: what `image-compat validations` lists and verifies. */
function recordSection(m: MergedReport): string[] {
  const lines: string[] = [];
  for (const row of m.rows) {
    for (const cell of row.cells) {
      if (!cell.attestation) continue;
      const where = row.platform ? ` (${text(row.platform)})` : '';
      const ref = row.image ? `${repositoryOf(row.image)}@${cell.attestation}` : cell.attestation;
      lines.push(`- ${text(row.set)}${where} on ${text(cell.runner)}: \`${text(ref)}\``);
    }
  }
  return lines.length ? ['### Validation records', '', ...lines, ''] : [];
}

function runnerTable(m: MergedReport): string[] {
  const lines = [
    tableRow(['Runner', 'Host', 'CPU', 'Kernel', 'OS', 'GPUs', 'NICs', 'RDMA']),
    tableRow(Array(8).fill('---')),
  ];
  for (const r of m.runners) {
    const hw: HardwareSummary = r.hardware;
    lines.push(
      tableRow([
        text(r.name),
        text(r.host),
        text(cpu(hw)),
        text(hw.kernel ?? '—'),
        text(hw.os ?? '—'),
        list(hw.gpus.map(gpu)),
        list(hw.nics.map(nic)),
        list(hw.rdma.map(rdma)),
      ]),
    );
  }
  return lines;
}

function failureSections(m: MergedReport, max: number): string[] {
  const failures: Array<{ row: Row; cell: Cell }> = [];
  for (const row of m.rows)
    for (const cell of row.cells) if (cell.verdict !== 'compatible') failures.push({ row, cell });
  if (failures.length === 0) return [];
  const out = ['### Failures', ''];
  for (const { row, cell } of failures.slice(0, max)) {
    const where = row.platform ? ` (${text(row.platform)})` : '';
    out.push(`#### ${MARK[cell.verdict]} ${text(row.set)} on ${text(cell.runner)}${where}`, '');
    if (cell.verdict === 'error') {
      out.push(text(cell.error ?? 'no verdict'), '');
      continue;
    }
    if (cell.unreadable?.length) {
      out.push(
        `**Could not be checked:** the source of failed expressions could not be read on ${text(cell.runner)}: ${text(describeUnreadable(cell.unreadable))}. The runner may have what they ask for; the verdict is NFD's.`,
        '',
      );
    }
    out.push(tableRow(['Rule', 'Feature', 'Key', 'Expected', 'Host has']), tableRow(Array(5).fill('---')));
    for (const f of cell.failed) {
      const rule = f.anyOf ? `${text(f.rule)} (any of)` : text(f.rule);
      if (f.expressions.length === 0) out.push(tableRow([rule, '—', '—', 'no expression detail', '—']));
      for (const e of f.expressions) {
        const has = e.unreadable ? unreadableText(e.unreadable) : hostHas(e);
        out.push(tableRow([rule, text(e.feature), text(keyOf(e)), text(expected(e)), text(has)]));
      }
    }
    out.push('');
  }
  if (failures.length > max)
    out.push(`…and ${failures.length - max} more failed runs, not detailed here.`, '');
  return out;
}
