// Every limit on what the tool reads and how much work an error may cost, in one place, so the
// docs (docs/limits.md) and the messages name the same figures. A limit exists so that bad input
// (a pipe that never ends, a gzip bomb, a million errors) costs seconds and megabytes, never the
// runner: each is far above what a real spec, config, snapshot or report needs.
export const LIMITS = {
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
  depth: 64,
} as const;

export function formatBytes(n: number): string {
  if (n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n % 1024 === 0) return `${n / 1024} KiB`;
  return `${n} bytes`;
}

/**
 * A message with every quoted run ("...") longer than LIMITS.echo cut: the backstop for messages
 * that quote user text without `quote` (so a 300k-character value is never echoed whole).
 */
export function boundQuoted(message: string, max: number = LIMITS.echo): string {
  if (message.length <= max) return message;
  return message.replace(
    new RegExp(`"((?:[^"\\\\]|\\\\.){${max}})(?:[^"\\\\]|\\\\.)+"`, 'g'),
    (_m, head: string) => `"${head}..."`,
  );
}

/**
 * User text as a message quotes it: JSON-quoted (control characters visible) and cut to
 * LIMITS.echo characters with the length said, so a 300k-character name costs one line.
 */
export function quote(value: unknown, max: number = LIMITS.echo): string {
  const s = typeof value === 'string' ? value : String(value);
  if (s.length <= max) return JSON.stringify(s);
  return `${JSON.stringify(s.slice(0, max))}... (${s.length} characters)`;
}
