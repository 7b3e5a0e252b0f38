// Cell formatters shared by the Markdown renderers: device summaries, an expression as a person
// reads it, what the host has, and escaping of text that came from a host or a spec.
import { hostValueCount } from './host-values.js';
import type { FailedExpression } from './merge.js';
export { cpuLine as cpu, gpuLine as gpu, nicLine as nic, rdmaLine as rdma } from './hardware.js';

export function keyOf(e: Pick<FailedExpression, 'matcherType' | 'name'>): string {
  return e.matcherType === 'matchName' ? `(name) ${e.name}` : e.name;
}

/** `Ge 550 (version)`, `In Intel, AMD`, `Exists`. */
export function expected(e: Pick<FailedExpression, 'op' | 'value' | 'type'>): string {
  const value = e.value?.length ? ` ${e.value.join(', ')}` : '';
  return `${e.op}${value}${e.type ? ` (${e.type})` : ''}`;
}

/**
 * What the host has, from the evaluator's hostValues: an attribute's value, a present flag's own
 * name, every distinct value across instances; empty (or missing) when the host has nothing there.
 * A list the output cut (`hostValuesTotal`) ends with how many more the host has.
 */
export function hostHas(e: Pick<FailedExpression, 'hostValues' | 'hostValuesTotal'>): string {
  if (!e.hostValues || e.hostValues.length === 0) return 'absent';
  const more = hostValueCount(e) - e.hostValues.length;
  return `${e.hostValues.join(', ')}${more > 0 ? ` (+${more} more)` : ''}`;
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
