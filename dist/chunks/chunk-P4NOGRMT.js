
// src/io/limits.ts
var LIMITS = {
  /** Specs, configs, reports, matrices, event payloads: a few KiB; 4 MiB matches registries' manifest cap. */
  document: 4 * 1024 * 1024,
  /** JSON host snapshots of a whole cluster: 5,000 NodeFeatures of ~10 KiB are 50 MiB. */
  features: 256 * 1024 * 1024,
  /** YAML host snapshots: YAML is parsed with positions (slow); larger clusters are given as JSON. */
  featuresYaml: 4 * 1024 * 1024,
  /** PEM keys, CA files, trusted roots (a JSON Lines file of several roots), auth files. */
  small: 4 * 1024 * 1024,
  /** One file of a host under --host-root (/proc/cpuinfo of 512 CPUs is ~1 MiB). */
  hostFile: 16 * 1024 * 1024,
  /** A decompressed file (/proc/config.gz is ~250 KiB uncompressed). */
  decompressed: 16 * 1024 * 1024,
  /** Problems listed per document; more are counted ("and 1234 more"). */
  problems: 100,
  /** Characters of user text echoed in one message. */
  echo: 200,
  /** Nesting depth of a document (a spec is ~10 deep). */
  depth: 64
};
function formatBytes(n) {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}
function boundQuoted(message, max = LIMITS.echo) {
  if (message.length <= max) return message;
  return message.replace(
    new RegExp(`"((?:[^"\\\\]|\\\\.){${max}})(?:[^"\\\\]|\\\\.)+"`, "g"),
    (_m, head) => `"${head}..."`
  );
}

// src/errors.ts
var ExitCode = {
  ok: 0,
  incompatible: 1,
  input: 2,
  registry: 3,
  signature: 4
};
var ImageCompatError = class extends Error {
};
var InputError = class extends ImageCompatError {
  constructor(detail, position = {}, hint) {
    super(formatPositioned(boundQuoted(detail), position, hint));
    this.position = position;
    this.hint = hint;
    this.detail = boundQuoted(detail);
    this.name = "InputError";
  }
  position;
  hint;
  exitCode = ExitCode.input;
  /** What is wrong; quoted user text in it is cut to LIMITS.echo characters (io/limits.ts). */
  detail;
};
function formatPositioned(detail, pos, hint) {
  let where = "";
  if (pos.file) {
    where = pos.file;
    if (pos.line !== void 0) where += `:${pos.line}`;
    if (pos.line !== void 0 && pos.column !== void 0) where += `:${pos.column}`;
    where += ": ";
  }
  const path = pos.path ? `${pos.path}: ` : "";
  return `${where}${path}${detail}${hint ? ` (${hint})` : ""}`;
}
function exitCodeOf(err) {
  return err instanceof ImageCompatError ? err.exitCode : ExitCode.input;
}

export {
  LIMITS,
  formatBytes,
  ExitCode,
  ImageCompatError,
  InputError,
  exitCodeOf
};
