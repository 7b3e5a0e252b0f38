// NFD reads specs with sigs.k8s.io/yaml, which follows YAML 1.1 and then turns scalars into the
// strings a []string or string field needs: an unquoted `y` or `yes` becomes "true", `off`
// "false", `1.10` "1.1", `010` "8", `1_000` "1000". We read YAML 1.2, where `y` stays "y". To
// never disagree with NFD silently, plain scalars whose YAML 1.1 reading differs from their text
// are reported (errors where they change what is compared), and serializeSpec quotes them.
import { isMap, isPair, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { Diagnostic, PathSegment, SourceDocument } from './document.js';
import { formatPath } from './document.js';

const YAML11_SPECIAL = [
  /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/, // bool
  /^(~|null|Null|NULL)$/, // null
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?0[0-7_]+$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^[-+]?(0|[1-9][0-9_]*)$/,
  /^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$/, // sexagesimal int
  /^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$/,
  /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*$/,
  /^[-+]?\.(inf|Inf|INF)$/,
  /^\.(nan|NaN|NAN)$/,
];

/** True when a YAML 1.1 parser reads the plain text `s` as something other than the string `s`. */
export function yaml11Special(s: string): boolean {
  return YAML11_SPECIAL.some((re) => re.test(s));
}

/** True when NFD's decoder would not get exactly `source` from this plain scalar. */
function misread(source: string, value: unknown): boolean {
  if (typeof value === 'string') return yaml11Special(source);
  if (typeof value === 'boolean') return source !== 'true' && source !== 'false';
  // Plain decimal integers read the same; floats are formatted as float32 by NFD's decoder.
  if (typeof value === 'number') return !/^-?(0|[1-9][0-9]*)$/.test(source);
  return true; // null
}

/** Diagnostics for plain scalars NFD reads differently; errors in `value` lists and element names. */
export function yaml11Diagnostics(src: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(src.doc as Document, {
    Scalar(key, node, ancestors) {
      if (node.type !== 'PLAIN' || node.source === undefined) return;
      if (!misread(node.source, node.value)) return;
      const path = pathOf(ancestors, node as unknown as Node);
      const parentKey = path.at(-2);
      const isValueItem = typeof path.at(-1) === 'number' && parentKey === 'value';
      const isElementName = key === 'key' && path.at(-2) === 'matchExpressions';
      const field = path.at(-1);
      if (!isValueItem && !isElementName && (field === 'op' || field === 'version' || field === 'weight'))
        return;
      const { line, col } = src.lines.linePos(node.range?.[0] ?? 0);
      out.push({
        severity: isValueItem || isElementName ? 'error' : 'warning',
        message: `unquoted ${node.source} is not the string "${node.source}" to NFD (YAML 1.1 reads it as ${kind(node.source, node.value)})`,
        position: { file: src.file, line, column: col, path: formatPath(path) },
        hint: `quote it: "${node.source}"`,
      });
    },
  });
  return out;
}

function kind(source: string, value: unknown): string {
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(source))
    return 'a boolean';
  if (value === null || /^(~|null|Null|NULL)$/.test(source)) return 'null';
  return 'a number';
}

/** The document path of a node from visit()'s ancestors (a key node gets its pair's key as last segment). */
function pathOf(ancestors: readonly unknown[], node: Node): PathSegment[] {
  const path: PathSegment[] = [];
  let child: unknown = node;
  const chain = [...ancestors];
  for (let i = chain.length - 1; i >= 0; i--) {
    const a = chain[i];
    if (isPair(a)) {
      if (isScalar(a.key)) path.unshift(String(a.key.value));
    } else if (isSeq(a)) {
      path.unshift(a.items.indexOf(child as never));
    } else if (isMap(a)) {
      // the pair below already named the key
    }
    child = a;
  }
  return path;
}
