// YAML and JSON documents that remember where each value came from, so that every error can name
// file:line:column and the path of the field (`compatibilities[0].rules[2].matchFeatures[0].feature`).
// Shared by the spec, the config and lint. JSON is read by the same YAML 1.2 parser (JSON is a
// subset of it), so both formats get the same positions and messages.
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
import { formatBytes, LIMITS, quote } from '../io/limits.js';
import { displayName, readText, textPosition } from '../io/read.js';
import { jsonOffset } from './json-offset.js';

export { displayName };

/** Largest document read: specs and configs are a few KiB; 4 MiB matches registries' manifest cap. */
export const MAX_DOCUMENT_BYTES = LIMITS.document;
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

/** A JSON document read with JSON.parse (large snapshots): positions come from a scan of the text. */
export interface JsonSource {
  file: string;
  text: string;
  value: unknown;
  json: true;
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
  for (const raw of path) {
    // A key is user text: a 300k-character one is cut (LIMITS.echo) like every echo.
    const seg = typeof raw === 'string' && raw.length > LIMITS.echo ? `${raw.slice(0, LIMITS.echo)}...` : raw;
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w.-]*$/.test(seg) && !seg.includes('.')) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Reads a text file, or standard input for `-`, through the one bounded reader (io/read.ts). */
export async function readSource(file: string, maxBytes = MAX_DOCUMENT_BYTES): Promise<string> {
  return readText(file, { maxBytes });
}

/** Parses one YAML or JSON document; syntax errors, duplicate keys and alias bombs are InputErrors. */
export function parseSource(
  text: string,
  file: string,
  opts: { maxBytes?: number; uniqueKeys?: boolean } = {},
): SourceDocument {
  const name = displayName(file);
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (text.length > maxBytes || Buffer.byteLength(text) > maxBytes) {
    throw new InputError(`document is larger than the ${formatBytes(maxBytes)} limit`, { file: name });
  }
  // Text from a registry or a test did not pass the reader's check (io/read.ts); NUL is never text.
  const nul = text.indexOf('\0');
  if (nul >= 0)
    throw new InputError('a NUL character: expected text', { file: name, ...textPosition(text, nul) });
  // Deep flow nesting (`[[[[...`) costs the YAML parser seconds before its stack overflows: refuse it first.
  const deep = flowDepthBeyond(text, LIMITS.depth);
  if (deep >= 0) throw new InputError(DEPTH_MESSAGE, { file: name, ...textPosition(text, deep) });
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: opts.uniqueKeys ?? true,
    prettyErrors: false,
    // The parser prints nothing itself (its warning on a collection key would echo the key's text
    // on stderr, before our own error about it): every problem is reported here, with its position.
    logLevel: 'error',
  });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lines.linePos(problem.pos[0]);
    throw new InputError(syntaxMessage(problem.message), { file: name, line: pos.line, column: pos.col });
  }
  const src = { file: name, text, doc, lines };
  checkStructure(src);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError(
      `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${(err as Error).message}`,
      { file: name },
    );
  }
  return { ...src, value };
}

/** Deeper than this, the YAML parser's recursion is a stack overflow; say so in words. */
const DEPTH_MESSAGE = `nesting deeper than ${LIMITS.depth} levels (a spec or config is about 10 deep)`;

/**
 * The offset where flow collections (`[`, `{`) first nest deeper than `max`, or -1: one linear
 * scan that skips quoted scalars and comments. A bracket counts where a flow collection can start
 * (after `:` or `-`, at the start of a line, or inside one), so `name: a[b` is not one.
 */
function flowDepthBeyond(text: string, max: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '[' || c === '{') {
      if ((depth > 0 || startsValue(text, i)) && ++depth > max) return i;
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
    } else if ((c === '"' || c === "'") && (depth > 0 || startsValue(text, i))) {
      i = endOfQuoted(text, i);
    } else if (
      c === '#' &&
      (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')
    ) {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
    }
  }
  return -1;
}

function startsValue(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && (text[j] === ' ' || text[j] === '\t')) j--;
  return j < 0 || ':-\n'.includes(text[j]!);
}

function endOfQuoted(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function syntaxMessage(message: string): string {
  if (/Maximum call stack|Stack overflow/.test(message)) return DEPTH_MESSAGE;
  const first = firstLine(message);
  return first.length > LIMITS.echo ? `${first.slice(0, LIMITS.echo)}...` : first;
}

/**
 * Nesting depth and alias cycles, before anything walks the tree recursively: `a: &a [*a]` would
 * otherwise expand forever and a 5,000-deep list overflow the stack of every later step.
 */
function checkStructure(src: Omit<SourceDocument, 'value'>): void {
  const at = (node: Node | undefined, message: string): never => {
    const { line, col } = src.lines.linePos(node?.range?.[0] ?? 0);
    throw new InputError(message, { file: src.file, line, column: col });
  };
  // Iterative: the tree may be as deep as the parser could go (about a thousand levels).
  const stack: Array<{ node: unknown; depth: number; anchors: readonly Node[] }> = [
    { node: src.doc.contents, depth: 0, anchors: [] },
  ];
  while (stack.length) {
    const { node, depth, anchors } = stack.pop()!;
    if (isAlias(node)) {
      const target = node.resolve(src.doc);
      if (target && anchors.includes(target))
        at(node, `alias *${node.source} refers to its own anchor: a cycle`);
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= LIMITS.depth) at(node, DEPTH_MESSAGE);
    const inside = node.anchor ? [...anchors, node] : anchors;
    for (const item of node.items) {
      if (isPair(item)) {
        if (isMap(item.key) || isSeq(item.key) || isAlias(item.key))
          stack.push({ node: item.key, depth: depth + 1, anchors: inside });
        stack.push({ node: item.value, depth: depth + 1, anchors: inside });
      } else stack.push({ node: item, depth: depth + 1, anchors: inside });
    }
  }
}

/**
 * The position of the value at `path` (or of its key, with `key: true`, for "unknown field"
 * messages). When the path does not exist, the deepest node that does is used.
 */
export function positionOf(
  src: SourceDocument | JsonSource,
  path: readonly PathSegment[],
  opts: { key?: boolean } = {},
): SourcePosition {
  if ('json' in src) {
    return {
      file: src.file,
      ...textPosition(src.text, jsonOffset(src.text, path, opts)),
      path: formatPath(path),
    };
  }
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
  src: SourceDocument | JsonSource,
  errors: readonly ErrorObject[] | null | undefined,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  const all = errors ?? [];
  let i = 0;
  // At most LIMITS.problems diagnostics: positioning each costs a walk of the document, and
  // nobody reads the 30,001st "expected a mapping". The rest are counted.
  for (; i < all.length && out.length < LIMITS.problems; i++) {
    const e = all[i]!;
    const path = pointerToPath(e.instancePath);
    let message: string;
    let hint: string | undefined;
    let atKey = false;
    switch (e.keyword) {
      case 'additionalProperties': {
        const field = String(e.params.additionalProperty);
        path.push(field);
        atKey = true;
        message = `unknown field ${quote(field)}`;
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
        message = `must be one of ${allowed.join(', ')}; got ${show(valueAt(src.value, path))}`;
        const close = closest(String(valueAt(src.value, path)), allowed);
        if (close) hint = `did you mean "${close}"?`;
        break;
      }
      case 'const':
        message = `must be ${JSON.stringify(e.params.allowedValue)}; got ${show(valueAt(src.value, path))}`;
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
  if (i < all.length) {
    out.push({
      severity: 'error',
      message: `and at least ${all.length - i} more schema errors (the first ${LIMITS.problems} are listed)`,
      position: { file: src.file },
    });
  }
  return out;
}

/** A compiled schema (ajv, allErrors) as schemaErrors calls it. */
export type SchemaCheck = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** Lists and maps longer than this are checked by their first items first (schemaErrors). */
const SCHEMA_SAMPLE = 200;

/**
 * The schema errors of `value`, bounded: ajv with allErrors slows down super-linearly as errors
 * pile up (30,000 bad terms took minutes), so a copy holding only the first SCHEMA_SAMPLE items of
 * every list and map is checked first. When it has errors, they are the answer (the document is
 * invalid; the first ones are what a person fixes first); only a sample without errors leads to
 * checking the whole value. Undefined when the value is valid.
 */
export function schemaErrors(validate: SchemaCheck, value: unknown): ErrorObject[] | undefined {
  const sample = sampled(value);
  if (sample !== value && !validate(sample)) return validate.errors ?? [];
  return validate(value) ? undefined : (validate.errors ?? []);
}

/** `value` with every list and map cut to its first SCHEMA_SAMPLE items; `value` itself when none is longer. */
function sampled(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object' || depth > LIMITS.depth) return value;
  let changed = false;
  if (Array.isArray(value)) {
    if (value.length > SCHEMA_SAMPLE) changed = true;
    const out = value.slice(0, SCHEMA_SAMPLE).map((v) => {
      const s = sampled(v, depth + 1);
      if (s !== v) changed = true;
      return s;
    });
    return changed ? out : value;
  }
  const entries = Object.entries(value);
  if (entries.length > SCHEMA_SAMPLE) changed = true;
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries.slice(0, SCHEMA_SAMPLE)) {
    const s = sampled(v, depth + 1);
    if (s !== v) changed = true;
    Object.defineProperty(out, k, { value: s, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
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
  return `${typeof v} ${show(v)}`;
}

/** A value as messages quote it: JSON, at most LIMITS.echo characters of it. */
function show(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > LIMITS.echo ? `${s.slice(0, LIMITS.echo)}... (${s.length} characters)` : s;
}

function allowedProperties(e: ErrorObject): string[] {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** Words longer than this get no did-you-mean: no name we suggest is that long, and it bounds the work. */
const MAX_SUGGEST_LENGTH = 64;

/**
 * The candidate nearest to `word` (case-insensitive edit distance), if it is near enough to be a
 * typo. Bounded: a word longer than any name gets none, candidates whose length alone rules them
 * out are skipped, and each distance stops at the limit (so a 300k-character name costs nothing).
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  if (word.length > MAX_SUGGEST_LENGTH) return undefined;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDist = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) >= bestDist) continue;
    const d = editDistance(w, c.toLowerCase(), bestDist);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== undefined && best !== word ? best : undefined;
}

/**
 * Optimal string alignment distance: a swap of two neighbours (`cuont`) counts as one edit.
 * Returns `stop` as soon as the distance cannot be below it.
 */
function editDistance(a: string, b: string, stop: number): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      rowMin = Math.min(rowMin, v);
    }
    // Every later cell is at least the smallest of this row minus one swap's saving, so stop early.
    if (rowMin - 1 >= stop) return stop;
  }
  return Math.min(d[a.length]![b.length]!, stop);
}
