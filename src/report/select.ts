// The printing of `select`'s result: the candidate table (stderr of the CLI), its JSON
// (`{chosen, candidates}`, stdout with --output json) and the Markdown of the select action's job
// summary. One host: every candidate with why it won or lost; a cluster: how many nodes each
// candidate serves, and the nodes none fits.
import type { HostSelection, SelectCandidate, SelectResult } from '../commands/select.js';
import { renderBox } from './box.js';
import { tableRow, text } from './format.js';

const short = (digest: string) => digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');

function artifactCell(c: SelectCandidate): string {
  if (!c.artifact) return 'none';
  return `${c.artifact.attachedTo}${c.artifact.signed ? ', signed' : ''}`;
}

function hostTitle(result: SelectResult, host: HostSelection): string {
  const who = host.node ? `node ${host.node}` : 'this host';
  return `${result.image} for ${who}${host.platform ? ` (${host.platform})` : ''}`;
}

/** How many hosts each candidate serves (in candidate order). */
export function servedCounts(result: SelectResult): number[] {
  return result.candidates.map(
    (c) => result.hosts.filter((h) => h.ranking.some((r) => r.position === c.position && r.chosen)).length,
  );
}

/** The table of one host: one row per candidate, the chosen one marked. */
export function renderHostTable(result: SelectResult, host: HostSelection): string {
  const rows = result.candidates.map((c, i) => {
    const r = host.ranking[i]!;
    return [
      r.chosen ? '→' : '',
      String(c.position + 1),
      c.platform ?? '?',
      short(c.digest),
      artifactCell(c),
      r.reason,
    ];
  });
  return renderBox({
    title: hostTitle(result, host),
    header: ['', '#', 'PLATFORM', 'DIGEST', 'ARTIFACT', 'WHY'],
    groups: [rows],
  });
}

/** The nodes no candidate fits, one line each with the first candidate's reason for the host. */
function unservedLines(result: SelectResult): string[] {
  return result.hosts
    .filter((h) => h.chosen === null)
    .map((h) => {
      const why =
        h.noFit === 'unknown-platform'
          ? (h.ranking[0]?.reason ?? 'its architecture cannot be told')
          : h.ranking.map((r) => `#${r.position + 1}: ${r.reason}`).join('; ');
      return `node ${h.node || '?'}: no candidate fits (${why})`;
    });
}

/** The cluster table: one row per candidate with the number of nodes it serves. */
export function renderClusterTable(result: SelectResult): string {
  const served = servedCounts(result);
  const rows = result.candidates.map((c, i) => [
    String(c.position + 1),
    c.platform ?? '?',
    short(c.digest),
    artifactCell(c),
    String(served[i]),
  ]);
  const table = renderBox({
    title: `${result.image}: ${result.hosts.length} nodes`,
    header: ['#', 'PLATFORM', 'DIGEST', 'ARTIFACT', 'NODES'],
    groups: [rows],
  });
  const lines = unservedLines(result);
  return lines.length ? `${table}${lines.join('\n')}\n` : table;
}

/** Every candidate with one host's ranking folded in. */
function candidateJson(result: SelectResult, host: HostSelection) {
  return result.candidates.map((c, i) => ({ ...c, ...withoutPosition(host.ranking[i]!) }));
}

function withoutPosition<T extends { position: number }>(r: T): Omit<T, 'position'> {
  const { position: _p, ...rest } = r;
  return rest;
}

/**
 * `--output json`: one host `{chosen, host, candidates}`; a cluster `{chosen: {node: ref|null},
 * candidates (with `nodes`: how many each serves), nodes: [{node, platform, chosen, ranking}]}`.
 */
export function selectJson(result: SelectResult): string {
  if (!result.cluster) {
    const host = result.hosts[0]!;
    const value = {
      chosen: host.chosen,
      host: { node: host.node, platform: host.platform },
      candidates: candidateJson(result, host),
    };
    return `${JSON.stringify(value, null, 2)}\n`;
  }
  const served = servedCounts(result);
  const value = {
    chosen: Object.fromEntries(result.hosts.map((h) => [h.node, h.chosen])),
    candidates: result.candidates.map((c, i) => ({ ...c, nodes: served[i] })),
    nodes: result.hosts.map((h) => ({
      node: h.node,
      platform: h.platform,
      chosen: h.chosen,
      ...(h.noFit && { noFit: h.noFit }),
      ranking: h.ranking,
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** The select action's job summary: the candidates, the chosen one marked, and why. */
export function selectMarkdown(result: SelectResult): string {
  const host = result.hosts[0]!;
  const out = ['## image-compat select', ''];
  out.push(
    host.chosen
      ? `Chosen for ${text(hostTitle(result, host))}: \`${text(host.chosen)}\``
      : `No candidate of ${text(result.image)} fits ${text(host.node || 'this host')}.`,
    '',
    tableRow(['', '#', 'Platform', 'Digest', 'Artifact', 'Why']),
    tableRow(['---', '---', '---', '---', '---', '---']),
  );
  result.candidates.forEach((c, i) => {
    const r = host.ranking[i]!;
    out.push(
      tableRow([
        r.chosen ? '✅' : r.eligible ? '' : '❌',
        String(c.position + 1),
        text(c.platform ?? '?'),
        `\`${short(c.digest)}\``,
        text(artifactCell(c)),
        text(r.reason),
      ]),
    );
  });
  return `${out.join('\n')}\n`;
}
