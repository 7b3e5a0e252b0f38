// A box-drawn table in the light style NFD's validate-node prints (go-pretty StyleLight): an
// optional title row, a header, rows, and separators between groups of rows.
import { visibleWidth } from './style.js';

export interface BoxTable {
  title?: string;
  header: string[];
  /** Groups of rows; a separator line is drawn between groups. */
  groups: string[][][];
}

const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - visibleWidth(s)));

export function renderBox(t: BoxTable): string {
  const widths = t.header.map((h, i) =>
    Math.max(visibleWidth(h), ...t.groups.flat().map((r) => visibleWidth(r[i] ?? ''))),
  );
  // A title wider than the columns widens the last column.
  const titleRoom = widths.reduce((a, w) => a + w + 3, -1) - 2;
  if (t.title !== undefined && visibleWidth(t.title) > titleRoom && widths.length) {
    widths[widths.length - 1]! += visibleWidth(t.title) - titleRoom;
  }
  const line = (l: string, m: string, r: string) => l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const row = (cells: string[]) => `│ ${widths.map((w, i) => pad(cells[i] ?? '', w)).join(' │ ')} │`;
  const out: string[] = [];
  if (t.title !== undefined) {
    const inner = widths.reduce((a, w) => a + w + 3, -1);
    out.push(`┌${'─'.repeat(inner)}┐`, `│ ${pad(t.title, inner - 2)} │`, line('├', '┬', '┤'));
  } else {
    out.push(line('┌', '┬', '┐'));
  }
  out.push(row(t.header), line('├', '┼', '┤'));
  t.groups.forEach((g, i) => {
    if (i > 0) out.push(line('├', '┼', '┤'));
    for (const r of g) out.push(row(r));
  });
  out.push(line('└', '┴', '┘'));
  return `${out.join('\n')}\n`;
}
