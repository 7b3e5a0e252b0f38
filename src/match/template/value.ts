// Values of the Go text/template subset (see index.ts): Go's notions of truth, printing (fmt's
// %v) and the error type. Maps are plain objects (only own properties count), slices are arrays,
// Go's nil is null; numbers are JavaScript numbers.

/** A template that does not parse or fails while it runs (NFD's "failed to parse/expand template"). */
export class TemplateError extends Error {}

export type GoMap = Record<string, unknown>;

export function isMap(v: unknown): v is GoMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Go's template truth: false, 0, nil, and empty strings, slices and maps are false. */
export function truth(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (typeof v === 'string') return v !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

/** Map keys in Go's printing and range order (sorted). */
export function sortedKeys(m: GoMap): string[] {
  return Object.keys(m).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // Go's %v of a float64 is strconv 'g' with the shortest representation; exponents have 2 digits.
  const s = String(n);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

/** fmt's %v, as text/template prints an action's value. */
export function printValue(v: unknown, top = true): string {
  if (v === null || v === undefined) return top ? '<no value>' : '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map((x) => printValue(x, false)).join(' ')}]`;
  if (isMap(v))
    return `map[${sortedKeys(v)
      .map((k) => `${k}:${printValue(v[k], false)}`)
      .join(' ')}]`;
  return String(v);
}

/** Go's type name of a value, for messages. */
export function typeName(v: unknown): string {
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'slice';
  return 'map';
}
