// Numbers in a config are read as written. YAML makes `22.10` the float 22.1 and `8.0` the integer
// 8, so `os: {version: 22.10}` would mean 22.1 and never match a 22.10 host. Version-like fields
// (kernel.version, gpu.driver, gpu.computeCapability, os.version), kernel.config values and the
// `value` items of raw rules take the scalar's source text instead ("22.10", "8.0"), from the
// parsed document's nodes. Raw rules get a warning as well: copied into a spec, NFD's YAML 1.1
// reader would read the same number differently.
import { isMap, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Diagnostic, PathSegment, SourceDocument } from '../spec/document.js';
import { positionOf } from '../spec/document.js';

/** Requirement fields (below `require`, or below an `anyOf` group of it) whose numbers are versions. */
const VERSION_FIELDS: ReadonlyArray<readonly PathSegment[]> = [
  ['kernel', 'version'],
  ['gpu', 'driver'],
  ['gpu', 'computeCapability'],
  ['os', 'version'],
];

/** The requirement path below `compatibilities[i].require` with anyOf groups stepped over. */
function requirementPath(path: readonly PathSegment[]): PathSegment[] | undefined {
  if (path[0] !== 'compatibilities' || typeof path[1] !== 'number' || path[2] !== 'require') return undefined;
  const rest = [...path.slice(3)];
  while (rest[0] === 'anyOf' && typeof rest[1] === 'number') rest.splice(0, 2);
  return rest;
}

type Reading = 'version' | 'raw' | undefined;

function readingOf(path: readonly PathSegment[]): Reading {
  if (path[0] === 'compatibilities' && path[2] === 'rules' && path.at(-2) === 'value') return 'raw';
  const req = requirementPath(path);
  if (!req) return undefined;
  // os may be a list of requirements: os[0].version.
  const r = req[0] === 'os' && typeof req[1] === 'number' ? ['os', ...req.slice(2)] : req;
  if (VERSION_FIELDS.some((f) => f.length === r.length && f.every((s, i) => s === r[i]))) return 'version';
  if (r[0] === 'kernel' && r[1] === 'config' && r.length >= 3) return 'version';
  return undefined;
}

/**
 * The document's value with the numbers of version-like fields and raw rule values replaced by
 * their source text, and warnings for the raw rule values. The document itself is not changed.
 */
export function numbersAsWritten(src: SourceDocument): { value: unknown; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  const edits: Array<[PathSegment[], string]> = [];
  const walk = (node: unknown, path: PathSegment[]): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (isScalar(pair.key)) walk(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => walk(item, [...path, i]));
    } else if (isScalar(node) && typeof node.value === 'number' && node.type === Scalar.PLAIN) {
      const reading = readingOf(path);
      const text = typeof node.source === 'string' ? node.source : String(node.value);
      if (!reading || !/^[+-]?[\d.]+$/.test(text)) return;
      edits.push([path, text]);
      if (reading === 'raw') {
        const read = String(node.value);
        warnings.push({
          severity: 'warning',
          message:
            read === text
              ? `value ${text} is not a string; compiled as "${text}"`
              : `unquoted ${text} is taken as written ("${text}"); in a spec, NFD (YAML 1.1) would read it as "${read}"`,
          position: positionOf(src, path),
          hint: `quote it: "${text}"`,
        });
      }
    }
  };
  walk(src.doc.contents as Node | null, []);
  if (!edits.length) return { value: src.value, warnings };
  const value = structuredClone(src.value);
  for (const [path, text] of edits) {
    let parent = value as Record<PathSegment, unknown>;
    for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<PathSegment, unknown>;
    parent[path.at(-1)!] = text;
  }
  return { value, warnings };
}
