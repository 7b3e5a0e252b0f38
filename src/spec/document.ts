// YAML and JSON documents that remember where each value came from, so that every error can name
// file:line:column and the path of the field (`compatibilities[0].rules[2].matchFeatures[0].feature`).
// Shared by the spec, the config and lint. JSON is read by the same YAML 1.2 parser (JSON is a
// subset of it), so both formats get the same positions and messages.
import { readFile } from 'node:fs/promises';
import type { ErrorObject } from 'ajv';
import {
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  Scalar,
  type Document,
  type Node,
} from 'yaml';
import { InputError, type SourcePosition } from '../errors.js';
import { goKey, resolvePlain } from './goyaml.js';

/** Largest document read: specs and configs are a few KiB; 4 MiB matches registries' manifest cap. */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
/** Alias expansions allowed before a document is taken for a "billion laughs" attack. */
export const MAX_ALIAS_COUNT = 100;

export type PathSegment = string | number;

export interface SourceDocument {
  file: string;
  text: string;
  /** The plain value (aliases expanded). */
  value: unknown;
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface Diagnostic {
  severity: 'error' | 'warning';
  message: string;
  position: SourcePosition;
  hint?: string;
}

/** `compatibilities[0].rules[2].matchExpressions.vendor.op`; keys that are not identifiers are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w.-]*$/.test(seg) && !seg.includes('.')) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads a file, or standard input for `-`, refusing anything larger than the cap. */
export async function readSource(file: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<string> {
  let buf: Buffer;
  try {
    buf = file === '-' ? await readStdin(maxBytes) : await readFile(file);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(err);
    throw new InputError(`cannot read: ${why}`, { file: displayName(file) });
  }
  if (buf.length > maxBytes) {
    throw new InputError(`file is ${buf.length} bytes, more than the ${maxBytes}-byte limit`, {
      file: displayName(file),
    });
  }
  return buf.toString('utf8');
}

async function readStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    if (size > maxBytes) throw new InputError(`more than the ${maxBytes}-byte limit`, { file: '<stdin>' });
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

export function displayName(file: string): string {
  return file === '-' ? '<stdin>' : file;
}

/** Parses one YAML or JSON document; syntax errors, duplicate keys and alias bombs are InputErrors. */
export function parseSource(text: string, file: string): SourceDocument {
  const name = displayName(file);
  if (Buffer.byteLength(text) > MAX_DOCUMENT_BYTES) {
    throw new InputError(`document is larger than the ${MAX_DOCUMENT_BYTES}-byte limit`, { file: name });
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lines.linePos(problem.pos[0]);
    throw new InputError(firstLine(problem.message), { file: name, line: pos.line, column: pos.col });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError(
      `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${(err as Error).message}`,
      { file: name },
    );
  }
  return { file: name, text, value, doc, lines };
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The position of the value at `path` (or of its key, with `key: true`, for "unknown field"
 * messages). When the path does not exist, the deepest node that does is used.
 */
export function positionOf(
  src: SourceDocument,
  path: readonly PathSegment[],
  opts: { key?: boolean } = {},
): SourcePosition {
  let node: unknown = src.doc.contents;
  let keyNode: Node | undefined;
  let found: Node | undefined = node as Node | undefined;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(src.doc);
    keyNode = undefined;
    if (isMap(node) && typeof seg === 'string') {
      // A path may name a key as written (`yes`) or as NFD reads it ("true").
      const pair =
        node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg) ??
        node.items.find((p) => isPair(p) && isScalar(p.key) && nfdKey(p.key) === seg);
      if (!pair) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else {
      break;
    }
    if (!node && !keyNode) break;
    found = (node as Node | undefined) ?? keyNode;
  }
  const target = opts.key && keyNode ? keyNode : found;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = src.lines.linePos(offset);
  return { file: src.file, line, column: col, path: formatPath(path) };
}

/** A plain key as NFD's decoder turns it into a string (`yes` -> "true"). */
function nfdKey(key: Scalar): string | undefined {
  if (key.type !== Scalar.PLAIN || key.tag || typeof key.source !== 'string') return undefined;
  const read = goKey(resolvePlain(key.source));
  return 'value' in read ? read.value : undefined;
}

/** The YAML scalar at `path`, to tell an unquoted `1.10` (a number) from the string `"1.10"`. */
export function scalarAt(src: SourceDocument, path: readonly PathSegment[]): unknown {
  const node = src.doc.getIn(path, true);
  return isScalar(node) ? node : undefined;
}

/** Turns ajv's errors into diagnostics at the right line, with messages a person can act on. */
export function schemaDiagnostics(
  src: SourceDocument,
  errors: readonly ErrorObject[] | null | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    const path = pointerToPath(e.instancePath);
    let message: string;
    let hint: string | undefined;
    let atKey = false;
    switch (e.keyword) {
      case 'additionalProperties': {
        const field = String(e.params.additionalProperty);
        path.push(field);
        atKey = true;
        message = `unknown field "${field}"`;
        const allowed = allowedProperties(e);
        const close = closest(field, allowed);
        hint = close
          ? `did you mean "${close}"?`
          : allowed.length
            ? `expected one of: ${allowed.join(', ')}`
            : undefined;
        break;
      }
      case 'required':
        message = `missing required field "${String(e.params.missingProperty)}"`;
        break;
      case 'enum': {
        const allowed = (e.params.allowedValues as unknown[]).map(String);
        message = `must be one of ${allowed.join(', ')}; got ${JSON.stringify(valueAt(src.value, path))}`;
        const close = closest(String(valueAt(src.value, path)), allowed);
        if (close) hint = `did you mean "${close}"?`;
        break;
      }
      case 'const':
        message = `must be ${JSON.stringify(e.params.allowedValue)}; got ${JSON.stringify(valueAt(src.value, path))}`;
        break;
      case 'type':
        message = `expected ${String(e.params.type)}, got ${describe(valueAt(src.value, path))}`;
        break;
      default:
        message = e.message ?? `invalid (${e.keyword})`;
    }
    const position = positionOf(src, path, { key: atKey });
    const id = `${position.path}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ severity: 'error', message, position, hint });
  }
  return out;
}

/** Throws the first error diagnostic as an InputError. */
export function throwFirstError(diagnostics: readonly Diagnostic[]): void {
  const first = diagnostics.find((d) => d.severity === 'error');
  if (first) throw new InputError(first.message, first.position, first.hint);
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function valueAt(value: unknown, path: readonly PathSegment[]): unknown {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[seg];
  }
  return v;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  return `${typeof v} ${JSON.stringify(v)}`;
}

function allowedProperties(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** The candidate nearest to `word` (case-insensitive edit distance), if it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestDist <= limit && best !== word ? best : undefined;
}

/** Optimal string alignment distance: a swap of two neighbours (`cuont`) counts as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
