// Cell formatters shared by the Markdown renderers: device summaries, an expression as a person
// reads it, what the host has, and escaping of text that came from a host or a spec.
import type { GpuSummary, NicSummary, RdmaSummary } from './report.js';
import type { FailedExpression } from './merge.js';

export function gpu(g: GpuSummary): string {
  const extra = [g.driver, g.memory, g.computeCapability && `cc ${g.computeCapability}`].filter(Boolean);
  return extra.length ? `${g.model} (${extra.join(', ')})` : g.model;
}

export function nic(n: NicSummary): string {
  const extra = [n.vendor, n.vfs !== undefined && `${n.vfs} VFs`].filter(Boolean);
  return extra.length ? `${n.name} (${extra.join(', ')})` : n.name;
}

export function rdma(r: RdmaSummary): string {
  const extra = [r.linkLayer, r.state, r.rate].filter(Boolean);
  return extra.length ? `${r.name} (${extra.join(', ')})` : r.name;
}

export function keyOf(e: Pick<FailedExpression, 'matcherType' | 'name'>): string {
  return e.matcherType === 'matchName' ? `(name) ${e.name}` : e.name;
}

/** `Ge 550 (version)`, `In Intel, AMD`, `Exists`. */
export function expected(e: Pick<FailedExpression, 'op' | 'value' | 'type'>): string {
  const value = e.value?.length ? ` ${e.value.join(', ')}` : '';
  return `${e.op}${value}${e.type ? ` (${e.type})` : ''}`;
}

/** `absent` when the host lacks the key, `present` for a flag (flags carry no value). */
export function hostHas(e: Pick<FailedExpression, 'hostValues'>): string {
  if (!e.hostValues) return 'absent';
  if (e.hostValues.length === 0) return 'present';
  return e.hostValues.join(', ');
}

export function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

export function list(items: readonly string[]): string {
  return items.length ? items.map(text).join('<br>') : '—';
}

/** Escapes text for a Markdown table cell: no HTML, no column breaks, no line breaks. */
export function text(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[`*_[\]]/g, (c) => `\\${c}`)
    .replace(/\r?\n|\r/g, ' ');
}
