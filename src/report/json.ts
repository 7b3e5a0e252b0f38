// JSON output of `validate`. One host: exactly NFD's `validate-node --output-json` array (each
// expression also carries hostValues). Several nodes: [{node, compatible, results}].
import type { ValidateResult } from '../commands/validate.js';

export function validateJson(result: ValidateResult): string {
  if (result.hosts.length === 1) return `${JSON.stringify(result.hosts[0]!.results)}\n`;
  const nodes = result.hosts.map((h) => ({ node: h.node, compatible: h.compatible, results: h.results }));
  return `${JSON.stringify(nodes)}\n`;
}
