// How NFD's YAML reader sees a plain scalar. NFD decodes specs with sigs.k8s.io/yaml: go-yaml v2
// resolves each plain scalar by YAML 1.1 rules (goyaml.v2/resolve.go), then
// convertToJSONableObject (yaml.go) turns numbers and booleans into the strings a Go string field
// needs, and every map key into a string. This file reproduces both steps; no I/O, no YAML library.

/** A plain scalar as go-yaml v2 resolves it. */
export type Resolved =
  | { kind: 'str'; value: string }
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  /** int, int64 or uint64 in Go. */
  | { kind: 'int'; value: bigint }
  /** beyond uint64: a *big.Int, which sigs.k8s.io/yaml cannot turn into a string. */
  | { kind: 'bigint'; value: bigint }
  | { kind: 'float'; value: number }
  /** a time.Time; `value` is its JSON form (RFC 3339 with nanoseconds, zeros trimmed). */
  | { kind: 'timestamp'; value: string };

const BOOLS: Record<string, boolean> = {};
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'])
  BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = {
  '.nan': NaN,
  '.NaN': NaN,
  '.NAN': NaN,
  '.inf': Infinity,
  '.Inf': Infinity,
  '.INF': Infinity,
  '+.inf': Infinity,
  '+.Inf': Infinity,
  '+.INF': Infinity,
  '-.inf': -Infinity,
  '-.Inf': -Infinity,
  '-.INF': -Infinity,
};
/** go-yaml's yamlStyleFloat. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

/** go-yaml v2's resolve() for an untagged plain scalar. Base-60 numbers are not resolved (go-yaml drops them). */
export function resolvePlain(s: string): Resolved {
  if (s in BOOLS) return { kind: 'bool', value: BOOLS[s]! };
  if (NULLS.has(s)) return { kind: 'null' };
  if (s in SPECIAL_FLOATS) return { kind: 'float', value: SPECIAL_FLOATS[s]! };
  const first = s[0]!;
  if (first === '.') {
    // strconv.ParseFloat on the raw text (`.5`, `.5e3`).
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { kind: 'float', value: Number(s) };
    return { kind: 'str', value: s };
  }
  if (!/[-+0-9]/.test(first)) return { kind: 'str', value: s };
  const time = parseTimestamp(s);
  if (time !== undefined) return { kind: 'timestamp', value: time };
  const plain = s.replace(/_/g, '');
  const int = parseGoInt(plain);
  if (int.ok && int.value >= INT64_MIN && int.value <= INT64_MAX) return { kind: 'int', value: int.value };
  // strconv.ParseUint takes no sign.
  if (int.ok && int.value >= 0n && int.value <= UINT64_MAX && !/^[-+]/.test(plain))
    return { kind: 'int', value: int.value };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { kind: 'float', value: f }; // ParseFloat fails on overflow
  }
  // What is left out of range is a *big.Int (the syntax already went through ParseInt).
  if (int.ok && int.outOfRangeOnly) return { kind: 'bigint', value: int.value };
  return { kind: 'str', value: s };
}

/** strconv.ParseInt(s, 0, 64)'s syntax (sign, 0x/0o/0b prefixes, a leading 0 for octal), without its range. */
function parseGoInt(s: string): { ok: true; value: bigint; outOfRangeOnly: boolean } | { ok: false } {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return { ok: false };
  const body = m[2]!;
  let digits: bigint;
  if (/^0[oO]/.test(body)) digits = BigInt(`0o${body.slice(2)}`);
  else if (/^0[xXbB]/.test(body)) digits = BigInt(`0${body[1]!.toLowerCase()}${body.slice(2)}`);
  else if (body.length > 1 && body.startsWith('0')) digits = BigInt(`0o${body.slice(1)}`);
  else digits = BigInt(body);
  const value = m[1] === '-' ? -digits : digits;
  // big.Int's SetString(s, 0) accepts the same syntax; ParseInt fails with ErrRange, not ErrSyntax.
  return { ok: true, value, outOfRangeOnly: value < INT64_MIN || value > UINT64_MAX };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * go-yaml's parseTimestamp, for the formats it accepts: `2006-1-2`, `2006-1-2 15:4:5.999999999`,
 * `2006-1-2T15:4:5.999999999Z07:00`. Returns the JSON form of the time.Time (what a string field
 * receives), or undefined when go-yaml would not take it for a timestamp.
 */
function parseTimestamp(s: string): string | undefined {
  const m =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(Z|[-+]\d{2}:\d{2})?)?$/.exec(
      s,
    );
  if (!m) return undefined;
  const [, y, mo, d, sep, h, mi, se, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]!) return undefined;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))
    return undefined;
  const two = (n: string | number) => String(n).padStart(2, '0');
  const date = `${y}-${two(month)}-${two(day)}`;
  if (sep === undefined) return `${date}T00:00:00Z`;
  // `t`/`T` layouts need a zone; the space layout has none.
  if ((sep === ' ') !== (zone === undefined)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return undefined;
  const fraction = frac ? `.${frac}`.replace(/0+$/, '').replace(/\.$/, '') : '';
  const tz = zone === undefined || zone === 'Z' || zone === '+00:00' ? 'Z' : zone;
  if (zone && zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return undefined;
  return `${date}T${two(h!)}:${two(mi!)}:${two(se!)}${fraction}${tz}`;
}

/** strconv.FormatFloat(f, 'g', -1, 32): the shortest float32 digits, %e below 1e-4 and from 1e6. */
export function formatFloat32(f: number): string {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  let shortest = x.toPrecision(9);
  for (let p = 1; p <= 9; p++) {
    const candidate = x.toPrecision(p);
    if (Math.fround(Number(candidate)) === x) {
      shortest = candidate;
      break;
    }
  }
  const [mant, expText] = Number(shortest).toExponential().split('e') as [string, string];
  const exp = Number(expText);
  const sign = mant.startsWith('-') ? '-' : '';
  const digits = mant.replace(/^-/, '').replace('.', '');
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${'0'.repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}

/**
 * What a Go string field (or a []string item) receives: a string, or `problem` when NFD cannot
 * decode the spec at all. A null leaves the field empty ("").
 */
export function goString(r: Resolved): { value: string } | { problem: string } {
  switch (r.kind) {
    case 'str':
    case 'timestamp':
      return { value: r.value };
    case 'null':
      return { value: '' };
    case 'bool':
      return { value: r.value ? 'true' : 'false' };
    case 'int':
      return { value: r.value.toString() };
    case 'float':
      return { value: formatFloat32(r.value) };
    case 'bigint':
      return { problem: 'an integer beyond 64 bits, which NFD cannot decode into a string' };
  }
}

/** The string a map key becomes (convertToJSONableObject), or `problem` when NFD rejects the key. */
export function goKey(r: Resolved): { value: string } | { problem: string } {
  switch (r.kind) {
    case 'str':
      return { value: r.value };
    case 'bool':
      return { value: r.value ? 'true' : 'false' };
    case 'int':
      if (r.value > INT64_MAX) return { problem: 'a key beyond int64, which NFD rejects' };
      return { value: r.value.toString() };
    case 'float': {
      const s = formatFloat32(r.value);
      return { value: s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s };
    }
    case 'null':
      return { problem: 'a null key, which NFD rejects' };
    case 'timestamp':
      return { problem: 'a timestamp key, which NFD rejects' };
    case 'bigint':
      return { problem: 'a key beyond 64 bits, which NFD rejects' };
  }
}

/** The value go-yaml gives a non-string field (an int field gets a number), as JSON would carry it. */
export function goPlainValue(r: Resolved): unknown {
  switch (r.kind) {
    case 'null':
      return null;
    case 'int':
    case 'bigint':
      return Number(r.value);
    default:
      return r.value;
  }
}
