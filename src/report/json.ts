// JSON output of `validate`. One host: exactly NFD's `validate-node --output-json` array, byte
// for byte as Go's encoding/json writes it (keys in NFD's struct order, a set without rules as
// `"rules":null`, `<`, `>`, `&`, U+2028 and U+2029 escaped, invalid UTF-16 as U+FFFD), plus
// our fields after NFD's on each expression (src/report/results.ts: `hostValues`, capped with
// `hostValuesTotal`, and `unreadable`), and a final newline. Several nodes (a NodeFeatureList,
// which NFD cannot read): [{node, compatible, results}], results as above.
import type { HostVerdict, ValidateResult } from '../commands/validate.js';
import type { CompatibilityResult } from '../match/types.js';
import type { HostValuesOptions } from './host-values.js';
import { outputResults } from './results.js';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Go's json.Marshal string escaping on top of JSON.stringify. */
export function goJson(value: unknown): string {
  const text = JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' ? v.replace(LONE_SURROGATE, '\ufffd') : v,
  );
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A set's entry as NFD's CompatibilityStatus marshals it (Rules is a nil slice when empty). */
function nfdStatus(r: CompatibilityResult): unknown {
  return { ...r, rules: r.rules.length ? r.rules : null };
}

function hostResults(h: HostVerdict, opts: HostValuesOptions): unknown[] {
  return outputResults(h.results, { ...opts, unavailable: h.unavailable }).map(nfdStatus);
}

export function validateJson(result: ValidateResult, opts: HostValuesOptions = {}): string {
  if (result.hosts.length === 1) return `${goJson(hostResults(result.hosts[0]!, opts))}\n`;
  const nodes = result.hosts.map((h) => ({
    node: h.node,
    compatible: h.compatible,
    results: hostResults(h, opts),
  }));
  return `${goJson(nodes)}\n`;
}
