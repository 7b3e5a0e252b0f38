import {
  LineCounter,
  Scalar,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument
} from "./chunk-4PFJNI3I.js";
import {
  displayName,
  readText,
  textPosition
} from "./chunk-LOFLUJHY.js";
import {
  InputError,
  LIMITS,
  formatBytes,
  quote
} from "./chunk-TS22JX7Z.js";

// src/spec/goyaml.ts
var BOOLS = {};
for (const s of ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]) BOOLS[s] = true;
for (const s of ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"])
  BOOLS[s] = false;
var NULLS = /* @__PURE__ */ new Set(["", "~", "null", "Null", "NULL"]);
var SPECIAL_FLOATS = {
  ".nan": NaN,
  ".NaN": NaN,
  ".NAN": NaN,
  ".inf": Infinity,
  ".Inf": Infinity,
  ".INF": Infinity,
  "+.inf": Infinity,
  "+.Inf": Infinity,
  "+.INF": Infinity,
  "-.inf": -Infinity,
  "-.Inf": -Infinity,
  "-.INF": -Infinity
};
var YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
var INT64_MIN = -(2n ** 63n);
var INT64_MAX = 2n ** 63n - 1n;
var UINT64_MAX = 2n ** 64n - 1n;
function resolvePlain(s) {
  if (s in BOOLS) return { kind: "bool", value: BOOLS[s] };
  if (NULLS.has(s)) return { kind: "null" };
  if (s in SPECIAL_FLOATS) return { kind: "float", value: SPECIAL_FLOATS[s] };
  const first = s[0];
  if (first === ".") {
    if (/^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s)) return { kind: "float", value: Number(s) };
    return { kind: "str", value: s };
  }
  if (!/[-+0-9]/.test(first)) return { kind: "str", value: s };
  const time = parseTimestamp(s);
  if (time !== void 0) return { kind: "timestamp", value: time };
  const plain = s.replace(/_/g, "");
  const int = parseGoInt(plain);
  if (int.ok && int.value >= INT64_MIN && int.value <= INT64_MAX) return { kind: "int", value: int.value };
  if (int.ok && int.value >= 0n && int.value <= UINT64_MAX && !/^[-+]/.test(plain))
    return { kind: "int", value: int.value };
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = Number(plain);
    if (Number.isFinite(f)) return { kind: "float", value: f };
  }
  if (int.ok && int.outOfRangeOnly) return { kind: "bigint", value: int.value };
  return { kind: "str", value: s };
}
function parseGoInt(s) {
  const m = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return { ok: false };
  const body = m[2];
  let digits;
  if (/^0[oO]/.test(body)) digits = BigInt(`0o${body.slice(2)}`);
  else if (/^0[xXbB]/.test(body)) digits = BigInt(`0${body[1].toLowerCase()}${body.slice(2)}`);
  else if (body.length > 1 && body.startsWith("0")) digits = BigInt(`0o${body.slice(1)}`);
  else digits = BigInt(body);
  const value = m[1] === "-" ? -digits : digits;
  return { ok: true, value, outOfRangeOnly: value < INT64_MIN || value > UINT64_MAX };
}
var DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function parseTimestamp(s) {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:([Tt ])(\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.(\d{1,9}))?(Z|[-+]\d{2}:\d{2})?)?$/.exec(
    s
  );
  if (!m) return void 0;
  const [, y, mo, d, sep, h, mi, se, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > DAYS[month - 1]) return void 0;
  if (month === 2 && day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)))
    return void 0;
  const two = (n) => String(n).padStart(2, "0");
  const date = `${y}-${two(month)}-${two(day)}`;
  if (sep === void 0) return `${date}T00:00:00Z`;
  if (sep === " " !== (zone === void 0)) return void 0;
  if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return void 0;
  const fraction = frac ? `.${frac}`.replace(/0+$/, "").replace(/\.$/, "") : "";
  const tz = zone === void 0 || zone === "Z" || zone === "+00:00" ? "Z" : zone;
  if (zone && zone !== "Z" && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) return void 0;
  return `${date}T${two(h)}:${two(mi)}:${two(se)}${fraction}${tz}`;
}
function formatFloat32(f) {
  const x = Math.fround(f);
  if (Number.isNaN(x)) return "NaN";
  if (x === Infinity) return "+Inf";
  if (x === -Infinity) return "-Inf";
  if (x === 0) return Object.is(x, -0) ? "-0" : "0";
  let shortest = x.toPrecision(9);
  for (let p = 1; p <= 9; p++) {
    const candidate = x.toPrecision(p);
    if (Math.fround(Number(candidate)) === x) {
      shortest = candidate;
      break;
    }
  }
  const [mant, expText] = Number(shortest).toExponential().split("e");
  const exp = Number(expText);
  const sign = mant.startsWith("-") ? "-" : "";
  const digits = mant.replace(/^-/, "").replace(".", "");
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  if (digits.length <= exp + 1) return `${sign}${digits}${"0".repeat(exp + 1 - digits.length)}`;
  return `${sign}${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
}
function goString(r) {
  switch (r.kind) {
    case "str":
    case "timestamp":
      return { value: r.value };
    case "null":
      return { value: "" };
    case "bool":
      return { value: r.value ? "true" : "false" };
    case "int":
      return { value: r.value.toString() };
    case "float":
      return { value: formatFloat32(r.value) };
    case "bigint":
      return { problem: "an integer beyond 64 bits, which NFD cannot decode into a string" };
  }
}
function goKey(r) {
  switch (r.kind) {
    case "str":
      return { value: r.value };
    case "bool":
      return { value: r.value ? "true" : "false" };
    case "int":
      if (r.value > INT64_MAX) return { problem: "a key beyond int64, which NFD rejects" };
      return { value: r.value.toString() };
    case "float": {
      const s = formatFloat32(r.value);
      return { value: s === "+Inf" ? ".inf" : s === "-Inf" ? "-.inf" : s === "NaN" ? ".nan" : s };
    }
    case "null":
      return { problem: "a null key, which NFD rejects" };
    case "timestamp":
      return { problem: "a timestamp key, which NFD rejects" };
    case "bigint":
      return { problem: "a key beyond 64 bits, which NFD rejects" };
  }
}
function goPlainValue(r) {
  switch (r.kind) {
    case "null":
      return null;
    case "int":
    case "bigint":
      return Number(r.value);
    default:
      return r.value;
  }
}

// src/spec/json-offset.ts
function jsonOffset(text, path, opts = {}) {
  let pos = skipSpace(text, 0);
  for (let depth = 0; depth < path.length; depth++) {
    const seg = path[depth];
    const open = text[pos];
    if (open === "{" && typeof seg === "string") {
      const found = findMember(text, pos, seg);
      if (!found) return pos;
      if (opts.key && depth === path.length - 1) return found.key;
      pos = found.value;
    } else if (open === "[" && typeof seg === "number") {
      const found = findElement(text, pos, seg);
      if (found === void 0) return pos;
      pos = found;
    } else {
      return pos;
    }
  }
  return pos;
}
function skipSpace(text, i) {
  while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "	"))
    i++;
  return i;
}
function skipString(text, i) {
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (c === "\\") j++;
    else if (c === '"') return j + 1;
  }
  return text.length;
}
function skipValue(text, i) {
  let depth = 0;
  let j = i;
  do {
    const c = text[j];
    if (c === '"') {
      j = skipString(text, j);
      continue;
    }
    if (c === "{" || c === "[") depth++;
    else if (c === "}" || c === "]") depth--;
    else if (depth === 0) {
      while (j < text.length && !",}] \n\r	".includes(text[j])) j++;
      return j;
    }
    j++;
  } while (depth > 0 && j < text.length);
  return j;
}
function findMember(text, open, name) {
  let i = skipSpace(text, open + 1);
  while (i < text.length && text[i] === '"') {
    const keyEnd = skipString(text, i);
    let key;
    try {
      key = JSON.parse(text.slice(i, keyEnd));
    } catch {
      return void 0;
    }
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ":") return void 0;
    const value = skipSpace(text, colon + 1);
    if (key === name) return { key: i, value };
    i = skipSpace(text, skipValue(text, value));
    if (text[i] !== ",") return void 0;
    i = skipSpace(text, i + 1);
  }
  return void 0;
}
function findElement(text, open, index) {
  let i = skipSpace(text, open + 1);
  if (text[i] === "]") return void 0;
  for (let n = 0; i < text.length; n++) {
    if (n === index) return i;
    i = skipSpace(text, skipValue(text, i));
    if (text[i] !== ",") return void 0;
    i = skipSpace(text, i + 1);
  }
  return void 0;
}

// src/spec/document.ts
var MAX_DOCUMENT_BYTES = LIMITS.document;
var MAX_ALIAS_COUNT = 100;
function formatPath(path) {
  let out = "";
  for (const raw of path) {
    const seg = typeof raw === "string" && raw.length > LIMITS.echo ? `${raw.slice(0, LIMITS.echo)}...` : raw;
    if (typeof seg === "number") out += `[${seg}]`;
    else if (/^[A-Za-z_][\w.-]*$/.test(seg) && !seg.includes(".")) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}
async function readSource(file, maxBytes = MAX_DOCUMENT_BYTES) {
  return readText(file, { maxBytes });
}
function parseSource(text, file, opts = {}) {
  const name = displayName(file);
  const maxBytes = opts.maxBytes ?? MAX_DOCUMENT_BYTES;
  if (text.length > maxBytes || Buffer.byteLength(text) > maxBytes) {
    throw new InputError(`document is larger than the ${formatBytes(maxBytes)} limit`, { file: name });
  }
  const nul = text.indexOf("\0");
  if (nul >= 0)
    throw new InputError("a NUL character: expected text", { file: name, ...textPosition(text, nul) });
  const deep = flowDepthBeyond(text, LIMITS.depth);
  if (deep >= 0) throw new InputError(DEPTH_MESSAGE, { file: name, ...textPosition(text, deep) });
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: opts.uniqueKeys ?? true,
    prettyErrors: false,
    // The parser prints nothing itself (its warning on a collection key would echo the key's text
    // on stderr, before our own error about it): every problem is reported here, with its position.
    logLevel: "error"
  });
  const problem = doc.errors[0];
  if (problem) {
    const pos = lines.linePos(problem.pos[0]);
    throw new InputError(syntaxMessage(problem.message), { file: name, line: pos.line, column: pos.col });
  }
  const src = { file: name, text, doc, lines };
  checkStructure(src);
  let value;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    throw new InputError(
      `too many alias expansions (more than ${MAX_ALIAS_COUNT}): ${err.message}`,
      { file: name }
    );
  }
  return { ...src, value };
}
var DEPTH_MESSAGE = `nesting deeper than ${LIMITS.depth} levels (a spec or config is about 10 deep)`;
function flowDepthBeyond(text, max) {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") {
      if ((depth > 0 || startsValue(text, i)) && ++depth > max) return i;
    } else if ((c === "]" || c === "}") && depth > 0) {
      depth--;
    } else if ((c === '"' || c === "'") && (depth > 0 || startsValue(text, i))) {
      i = endOfQuoted(text, i);
    } else if (c === "#" && (i === 0 || text[i - 1] === " " || text[i - 1] === "	" || text[i - 1] === "\n")) {
      const eol = text.indexOf("\n", i);
      if (eol < 0) break;
      i = eol;
    }
  }
  return -1;
}
function startsValue(text, i) {
  let j = i - 1;
  while (j >= 0 && (text[j] === " " || text[j] === "	")) j--;
  return j < 0 || ":-\n".includes(text[j]);
}
function endOfQuoted(text, i) {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === "\\") j++;
    else if (text[j] === q) {
      if (q === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return text.length;
}
function firstLine(message) {
  return message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
}
function syntaxMessage(message) {
  if (/Maximum call stack|Stack overflow/.test(message)) return DEPTH_MESSAGE;
  const first = firstLine(message);
  return first.length > LIMITS.echo ? `${first.slice(0, LIMITS.echo)}...` : first;
}
function checkStructure(src) {
  const at = (node, message) => {
    const { line, col } = src.lines.linePos(node?.range?.[0] ?? 0);
    throw new InputError(message, { file: src.file, line, column: col });
  };
  const stack = [
    { node: src.doc.contents, depth: 0, anchors: [] }
  ];
  while (stack.length) {
    const { node, depth, anchors } = stack.pop();
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
function positionOf(src, path, opts = {}) {
  if ("json" in src) {
    return {
      file: src.file,
      ...textPosition(src.text, jsonOffset(src.text, path, opts)),
      path: formatPath(path)
    };
  }
  let node = src.doc.contents;
  let keyNode;
  let found = node;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(src.doc);
    keyNode = void 0;
    if (isMap(node) && typeof seg === "string") {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg) ?? node.items.find((p) => isPair(p) && isScalar(p.key) && nfdKey(p.key) === seg);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === "number") {
      node = node.items[seg];
    } else {
      break;
    }
    if (!node && !keyNode) break;
    found = node ?? keyNode;
  }
  const target = opts.key && keyNode ? keyNode : found;
  const offset = target?.range?.[0] ?? 0;
  const { line, col } = src.lines.linePos(offset);
  return { file: src.file, line, column: col, path: formatPath(path) };
}
function nfdKey(key) {
  if (key.type !== Scalar.PLAIN || key.tag || typeof key.source !== "string") return void 0;
  const read = goKey(resolvePlain(key.source));
  return "value" in read ? read.value : void 0;
}
function schemaDiagnostics(src, errors) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  const all = errors ?? [];
  let i = 0;
  for (; i < all.length && out.length < LIMITS.problems; i++) {
    const e = all[i];
    const path = pointerToPath(e.instancePath);
    let message;
    let hint;
    let atKey = false;
    switch (e.keyword) {
      case "additionalProperties": {
        const field = String(e.params.additionalProperty);
        path.push(field);
        atKey = true;
        message = `unknown field ${quote(field)}`;
        const allowed = allowedProperties(e);
        const close = closest(field, allowed);
        hint = close ? `did you mean "${close}"?` : allowed.length ? `expected one of: ${allowed.join(", ")}` : void 0;
        break;
      }
      case "required":
        message = `missing required field "${String(e.params.missingProperty)}"`;
        break;
      case "enum": {
        const allowed = e.params.allowedValues.map(String);
        message = `must be one of ${allowed.join(", ")}; got ${show(valueAt(src.value, path))}`;
        const close = closest(String(valueAt(src.value, path)), allowed);
        if (close) hint = `did you mean "${close}"?`;
        break;
      }
      case "const":
        message = `must be ${JSON.stringify(e.params.allowedValue)}; got ${show(valueAt(src.value, path))}`;
        break;
      case "type":
        message = `expected ${String(e.params.type)}, got ${describe(valueAt(src.value, path))}`;
        break;
      default:
        message = e.message ?? `invalid (${e.keyword})`;
    }
    const position = positionOf(src, path, { key: atKey });
    const id = `${position.path}|${message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({ severity: "error", message, position, hint });
  }
  if (i < all.length) {
    out.push({
      severity: "error",
      message: `and at least ${all.length - i} more schema errors (the first ${LIMITS.problems} are listed)`,
      position: { file: src.file }
    });
  }
  return out;
}
var SCHEMA_SAMPLE = 200;
function schemaErrors(validate, value) {
  const sample = sampled(value);
  if (sample !== value && !validate(sample)) return validate.errors ?? [];
  return validate(value) ? void 0 : validate.errors ?? [];
}
function sampled(value, depth = 0) {
  if (value === null || typeof value !== "object" || depth > LIMITS.depth) return value;
  let changed = false;
  if (Array.isArray(value)) {
    if (value.length > SCHEMA_SAMPLE) changed = true;
    const out2 = value.slice(0, SCHEMA_SAMPLE).map((v) => {
      const s = sampled(v, depth + 1);
      if (s !== v) changed = true;
      return s;
    });
    return changed ? out2 : value;
  }
  const entries = Object.entries(value);
  if (entries.length > SCHEMA_SAMPLE) changed = true;
  const out = {};
  for (const [k, v] of entries.slice(0, SCHEMA_SAMPLE)) {
    const s = sampled(v, depth + 1);
    if (s !== v) changed = true;
    Object.defineProperty(out, k, { value: s, enumerable: true, writable: true, configurable: true });
  }
  return changed ? out : value;
}
function throwFirstError(diagnostics) {
  const first = diagnostics.find((d) => d.severity === "error");
  if (first) throw new InputError(first.message, first.position, first.hint);
}
function pointerToPath(pointer) {
  if (!pointer) return [];
  return pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).map((s) => /^\d+$/.test(s) ? Number(s) : s);
}
function valueAt(value, path) {
  let v = value;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return void 0;
    v = v[seg];
  }
  return v;
}
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  return `${typeof v} ${show(v)}`;
}
function show(v) {
  if (typeof v === "string") return quote(v);
  const s = JSON.stringify(v) ?? String(v);
  return s.length > LIMITS.echo ? `${s.slice(0, LIMITS.echo)}... (${s.length} characters)` : s;
}
function allowedProperties(e) {
  const props = e.parentSchema?.properties;
  return props ? Object.keys(props) : [];
}
var MAX_SUGGEST_LENGTH = 64;
function closest(word, candidates) {
  if (word.length > MAX_SUGGEST_LENGTH) return void 0;
  const limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  let best;
  let bestDist = limit + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - word.length) >= bestDist) continue;
    const d = editDistance(w, c.toLowerCase(), bestDist);
    if (d < bestDist) {
      bestDist = d;
      best = c;
    }
  }
  return best !== void 0 && best !== word ? best : void 0;
}
function editDistance(a, b, stop) {
  const d = Array.from(
    { length: a.length + 1 },
    (_, i) => Array.from({ length: b.length + 1 }, (_2, j) => i === 0 ? j : j === 0 ? i : 0)
  );
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin - 1 >= stop) return stop;
  }
  return Math.min(d[a.length][b.length], stop);
}

export {
  resolvePlain,
  formatFloat32,
  goString,
  goKey,
  goPlainValue,
  formatPath,
  readSource,
  parseSource,
  positionOf,
  schemaDiagnostics,
  schemaErrors,
  throwFirstError,
  valueAt,
  closest
};
