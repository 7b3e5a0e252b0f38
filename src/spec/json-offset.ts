// Where a value sits in a JSON text, found by one forward scan (no second parse): large JSON
// snapshots (a cluster's 50 MiB List) are read with JSON.parse, and an error in them must still
// name the line and column without building a YAML tree with positions of the whole file, which
// costs seconds and a gigabyte. Written by hand: JSON parsers that keep positions build a node per
// value, which is what this avoids.
import type { PathSegment } from './document.js';

/** The offset of the value at `path` (or of its key, with `key`), or of the deepest part found. */
export function jsonOffset(text: string, path: readonly PathSegment[], opts: { key?: boolean } = {}): number {
  let pos = skipSpace(text, 0);
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth]!;
    const open = text[pos];
    if (open === '{' && typeof seg === 'string') {
      const found = findMember(text, pos, seg);
      if (!found) return pos;
      if (opts.key && depth === path.length - 1) return found.key;
      pos = found.value;
    } else if (open === '[' && typeof seg === 'number') {
      const found = findElement(text, pos, seg);
      if (found === undefined) return pos;
      pos = found;
    } else {
      return pos;
    }
  }
  return pos;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t'))
    i++;
  return i;
}

/** The offset just after the string starting at `i` (a `"`). */
function skipString(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (c === '"') return j + 1;
  }
  return text.length;
}

/** The offset just after the value starting at `i`, iteratively (any depth). */
function skipValue(text: string, i: number): number {
  let depth = 0;
  let j = i;
  do {
    const c = text[j];
    if (c === '"') {
      j = skipString(text, j);
      continue;
    }
    if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (depth === 0) {
      // a number, true, false or null
      while (j < text.length && !',}] \n\r\t'.includes(text[j]!)) j++;
      return j;
    }
    j++;
  } while (depth > 0 && j < text.length);
  return j;
}

function findMember(text: string, open: number, name: string): { key: number; value: number } | undefined {
  let i = skipSpace(text, open + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipString(text, i);
    let key: unknown;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return undefined;
    }
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ':') return undefined;
    const value = skipSpace(text, colon + 1);
    if (key === name) return { key: i, value };
    i = skipSpace(text, skipValue(text, value));
    if (text[i] !== ',') return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

function findElement(text: string, open: number, index: number): number | undefined {
  let i = skipSpace(text, open + 1);
  if (text[i] === ']') return undefined;
  for (let n = 0; i < text.length; n++) {
    if (n === index) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ',') return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}
