// `features --output nfd-local`: our own features (gpu.*, rdma.*) as a features.d file of NFD's
// local source (/etc/kubernetes/node-feature-discovery/features.d/, read by nfd-worker), one
// `key=value` line each under local-keys.ts's names. Every line is preceded by `# +no-label`
// (the directive holds for one line), so the lines become `local.feature` elements and never
// node labels; `# +expiry-time=` (RFC 3339) on top makes nfd-worker drop them once stale.
import { InputError } from '../errors.js';
import type { Features } from '../features/types.js';
import {
  attributeKey,
  instanceAttributeKey,
  instanceKey,
  MAX_LOCAL_INSTANCES,
  ownFeatureKind,
  presenceKey,
} from './local-keys.js';

/** NFD's MaxFeatureFileSize: nfd-worker skips a larger file. */
export const MAX_FEATURE_FILE_SIZE = 65536;

export interface NfdLocalOptions {
  /** Written as `# +expiry-time=`: nfd-worker ignores the lines after it from then on. */
  expiry?: Date;
}

/** The lines our own features give, in a stable order (features by name, keys by name). */
export function localFeatureLines(features: Features): Array<[string, string]> {
  const lines: Array<[string, string]> = [];
  const byName = <T>(m: Record<string, T> | undefined) =>
    Object.entries(m ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const sortedPairs = (m: Record<string, string>) => byName(m);
  for (const [name, set] of byName(features.attributes)) {
    if (ownFeatureKind(name) !== 'attribute') continue;
    lines.push([presenceKey(name), 'true']);
    for (const [k, v] of sortedPairs(set.elements)) lines.push([attributeKey(name, k), v]);
  }
  for (const [name, set] of byName(features.instances)) {
    if (ownFeatureKind(name) !== 'instance') continue;
    lines.push([presenceKey(name), 'true']);
    const distinct = new Map<string, Array<[string, string]>>();
    for (const inst of set.elements) {
      const attrs = sortedPairs(inst.attributes ?? {});
      distinct.set(JSON.stringify(attrs), attrs);
    }
    if (distinct.size > MAX_LOCAL_INSTANCES) {
      throw new InputError(
        `${name} has ${distinct.size} distinct instances; the NFD local file carries at most ${MAX_LOCAL_INSTANCES}`,
      );
    }
    [...distinct.values()].forEach((attrs, i) => {
      lines.push([instanceKey(name, i), 'true']);
      for (const [k, v] of attrs) lines.push([instanceAttributeKey(name, i, k), v]);
    });
  }
  return lines;
}

/** The features.d file text; refuses what the local source would read back differently. */
export function formatNfdLocal(features: Features, opts: NfdLocalOptions = {}): string {
  const out = ['# image-compat features --output nfd-local: GPU and RDMA features for NFD (local.feature).'];
  if (opts.expiry) out.push(`# +expiry-time=${opts.expiry.toISOString().replace(/\.\d{3}Z$/, 'Z')}`);
  for (const [key, value] of localFeatureLines(features)) {
    // nfd-worker trims each line and splits it at the first '=': such text would not come back.
    if (/[\r\n=]/.test(key) || /[\r\n]/.test(value) || value.trim() !== value) {
      throw new InputError(
        `${key}: value ${JSON.stringify(value)} cannot be written as an NFD local feature line`,
      );
    }
    out.push('# +no-label', `${key}=${value}`);
  }
  const text = out.join('\n') + '\n';
  if (Buffer.byteLength(text) > MAX_FEATURE_FILE_SIZE) {
    throw new InputError(
      `the NFD local feature file would be ${Buffer.byteLength(text)} bytes; nfd-worker reads at most ${MAX_FEATURE_FILE_SIZE}`,
    );
  }
  return text;
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** What nfd-worker's local source reads from one features.d file (NFD's parseFeatureFile). */
export function parseNfdLocal(
  text: string,
  now: Date = new Date(),
): { features: Record<string, string>; labels: Record<string, string> } {
  const features: Record<string, string> = {};
  const labels: Record<string, string> = {};
  let expiry = now;
  let skipLabel = false;
  let skipFeature = false;
  const put = (m: Record<string, string>, key: string, value: string) =>
    Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      if (!line.startsWith('# +')) continue;
      const [directive, value] = splitOnce(line.slice(3));
      if (directive === 'expiry-time' && value !== undefined) {
        // Go's time.Parse(time.RFC3339): else nfd-worker logs the error and keeps the expiry.
        const t = RFC3339.test(value.trim()) ? new Date(value.trim()) : undefined;
        if (t && !Number.isNaN(t.getTime())) expiry = t;
      } else if (directive === 'no-feature') skipFeature = true;
      else if (directive === 'no-label') skipLabel = true;
      continue;
    }
    if (expiry.getTime() < now.getTime()) continue;
    const [key, value] = splitOnce(line);
    if (skipFeature) delete features[key];
    else put(features, key, value ?? 'true');
    if (skipLabel) delete labels[key];
    else put(labels, key, value ?? 'true');
    skipFeature = false;
    skipLabel = false;
  }
  return { features, labels };
}

function splitOnce(s: string): [string, string | undefined] {
  const i = s.indexOf('=');
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
