// Reads a spec document the way NFD does. NFD decodes specs with sigs.k8s.io/yaml: YAML 1.1 (an
// unquoted `y`, `on` is a boolean, `1.10` the float 1.1, `010` the octal 8), then every number or
// boolean bound for a Go string field becomes a string ("true", "1.1", "8") and every map key a
// string. We parse YAML 1.2 for positions, then rebuild the value with those rules (goyaml.ts), so
// the Spec holds NFD's strings. Each plain scalar that NFD reads differently from its text is a
// warning (the spec still means what NFD evaluates); what NFD cannot decode at all is an error.
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node } from 'yaml';
import type { Diagnostic, PathSegment, SourceDocument } from './document.js';
import { formatPath } from './document.js';
import { LIMITS } from '../io/limits.js';
import { formatFloat32, goKey, goPlainValue, goString, resolvePlain, type Resolved } from './goyaml.js';

/** The Go type a value is decoded into, as far as string conversion cares. */
type Target = 'string' | 'other' | { struct: Record<string, Target> } | { seq: Target } | { map: Target };

const expression: Target = { struct: { op: 'string', value: { seq: 'string' }, type: 'string' } };
const terms: Target = {
  seq: { struct: { feature: 'string', matchExpressions: { map: expression }, matchName: expression } },
};
const rule: Target = {
  struct: {
    name: 'string',
    vars: { map: 'string' },
    varsTemplate: 'string',
    labels: { map: 'string' },
    labelsTemplate: 'string',
    annotations: { map: 'string' },
    extendedResources: { map: 'string' },
    matchFeatures: terms,
    matchAny: { seq: { struct: { matchFeatures: terms } } },
  },
};
/** NFD's image-compatibility Spec (Go types, pkg/apis/nfd/v1alpha1/image-compatibility). */
const SPEC: Target = {
  struct: {
    version: 'string',
    compatibilities: {
      seq: { struct: { rules: { seq: rule }, weight: 'other', tag: 'string', description: 'string' } },
    },
  },
};

/** The spec document with its value as NFD decodes it, and what differs from its text. */
export function nfdSource(src: SourceDocument): { src: SourceDocument; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const unlisted = { error: 0, warning: 0 };
  const reported = new Set<unknown>();
  const report = (
    severity: Diagnostic['severity'],
    node: Node | null | undefined,
    path: PathSegment[],
    message: string,
    hint?: string,
  ) => {
    if (node && reported.has(node)) return; // an alias repeats its anchor's scalars
    if (node) reported.add(node);
    if (diagnostics.length >= LIMITS.problems) {
      unlisted[severity]++; // bounded: counted, not positioned
      return;
    }
    const { line, col } = src.lines.linePos(node?.range?.[0] ?? 0);
    diagnostics.push({
      severity,
      message,
      position: { file: src.file, line, column: col, path: formatPath(path) },
      hint,
    });
  };
  const misread = (node: Scalar, path: PathSegment[], read: string) =>
    report(
      'warning',
      node,
      path,
      `unquoted ${node.source} is read by NFD (YAML 1.1) as ${read}`,
      `quote it: "${node.source}"`,
    );

  const walk = (node: unknown, target: Target, path: PathSegment[]): unknown => {
    if (isAlias(node)) return walk(node.resolve(src.doc), target, path);
    if (node === null || node === undefined) return target === 'string' ? '' : null;
    if (isScalar(node)) return scalar(node, target, path);
    if (isSeq(node)) {
      const elem = typeof target === 'object' && 'seq' in target ? target.seq : 'other';
      return node.items.map((item, i) => walk(item, elem, [...path, i]));
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const seen = new Map<string, string>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const k = key(pair.key as Node | null, path);
        if (k === undefined) continue;
        const child =
          typeof target === 'object' && 'struct' in target
            ? (target.struct[k.name] ?? 'other')
            : typeof target === 'object' && 'map' in target
              ? target.map
              : 'other';
        const prev = seen.get(k.name);
        if (prev !== undefined && prev !== k.written) {
          report(
            'error',
            pair.key as Node,
            [...path, k.written],
            `NFD reads both ${prev} and ${k.written} as the key "${k.name}" (and keeps either one)`,
            `quote it: "${k.written}"`,
          );
        }
        seen.set(k.name, k.written);
        // defineProperty: a `__proto__` key is data, not the prototype.
        Object.defineProperty(out, k.name, {
          value: walk(pair.value, child, [...path, k.written]),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return null;
  };

  const key = (node: Node | null, path: PathSegment[]): { name: string; written: string } | undefined => {
    if (!isScalar(node)) {
      report('error', node, path, 'NFD accepts only scalar map keys');
      return undefined;
    }
    if (!isPlain(node)) return { name: String(node.value), written: String(node.value) };
    const written = node.source;
    const read = goKey(resolvePlain(written));
    if ('problem' in read) {
      report(
        'error',
        node,
        [...path, written],
        `unquoted ${written} is ${read.problem}`,
        `quote it: "${written}"`,
      );
      return undefined;
    }
    if (read.value !== written) misread(node, [...path, written], JSON.stringify(read.value));
    return { name: read.value, written };
  };

  const scalar = (node: Scalar, target: Target, path: PathSegment[]): unknown => {
    if (!isPlain(node)) {
      // Quoted, block or tagged: the YAML 1.2 value, turned into a string where Go wants one.
      const v = node.value;
      if (target !== 'string') return v;
      if (typeof v === 'number') return formatFloat32(v);
      if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
      return v === null ? '' : v;
    }
    const r: Resolved = resolvePlain(node.source);
    if (target === 'string') {
      const s = goString(r);
      if ('problem' in s) {
        report('error', node, path, `unquoted ${node.source} is ${s.problem}`, `quote it: "${node.source}"`);
        return node.source;
      }
      if (s.value !== node.source) misread(node, path, JSON.stringify(s.value));
      return s.value;
    }
    const v = goPlainValue(r);
    if (typeof v === 'number' && typeof node.value === 'number' && v !== node.value) {
      report(
        'warning',
        node,
        path,
        `unquoted ${node.source} is read by NFD (YAML 1.1) as ${v}`,
        `write ${v}`,
      );
    }
    return v;
  };

  const value = walk(src.doc.contents, SPEC, []);
  for (const severity of ['error', 'warning'] as const) {
    if (unlisted[severity]) {
      diagnostics.push({
        severity,
        message: `and ${unlisted[severity]} more ${severity}s of how NFD reads the document (the first ${LIMITS.problems} are listed)`,
        position: { file: src.file },
      });
    }
  }
  return { src: { ...src, value }, diagnostics };
}

function isPlain(node: Scalar): node is Scalar & { source: string } {
  return node.type === Scalar.PLAIN && !node.tag && typeof node.source === 'string';
}

/** True when a YAML 1.1 reader (NFD's) takes the plain text `s` for something other than the string `s`. */
export function yaml11Special(s: string): boolean {
  return resolvePlain(s).kind !== 'str';
}
