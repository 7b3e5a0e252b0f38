// Host feature snapshots: NFD's bare Features object, a Kubernetes NodeFeature, a NodeFeatureList,
// or a `kind: List` of NodeFeatures (what `kubectl get nodefeatures -A -o json` prints). Several
// NodeFeature objects of one node (label nfd.node.kubernetes.io/node-name) are merged the way
// nfd-master merges them. Shapes are validated, with errors at file:line:column.
import type { ValidateFunction } from 'ajv';
import { InputError } from '../errors.js';
import { formatBytes, LIMITS, quote } from '../io/limits.js';
import { displayName, textPosition } from '../io/read.js';
import {
  parseSource,
  positionOf,
  schemaDiagnostics,
  throwFirstError,
  type JsonSource,
  type PathSegment,
  type SourceDocument,
} from '../spec/document.js';
import type { UnavailableSource } from './host-root.js';
import { unavailableOf } from './node-feature.js';
import { compiled, isFeatures, isNodeFeature } from './snapshot-shape.js';
import type { Features } from './types.js';

/** Snapshots of a whole cluster are large: 5,000 NodeFeatures of ~10 KiB are 50 MiB (io/limits.ts). */
export const MAX_FEATURES_BYTES = LIMITS.features;

export const NODE_NAME_LABEL = 'nfd.node.kubernetes.io/node-name';

/** The node labels that say its platform (a List exported with them; NodeFeature objects carry none). */
const PLATFORM_LABELS = ['kubernetes.io/os', 'kubernetes.io/arch'] as const;

export interface HostFeatures {
  /** The node name; empty for a bare Features object. */
  name: string;
  features: Features;
  /** Sources the collectors could not read (our NodeFeature annotation), when known. */
  unavailable?: UnavailableSource[];
  /** The node's `kubernetes.io/os` and `kubernetes.io/arch` labels, when its objects carry them. */
  labels?: Record<string, string>;
}

/**
 * JSON (the common, large case: `kubectl get nodefeatures -A -o json`) goes through JSON.parse,
 * its errors positioned by a scan of the text (json-offset.ts); YAML through the parser with
 * positions, which is slow, so YAML snapshots have the document cap.
 */
function readDocument(text: string, name: string): SourceDocument | JsonSource {
  const trimmed = text.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    if (text.length > LIMITS.featuresYaml) {
      throw new InputError(
        `a YAML snapshot is larger than the ${formatBytes(LIMITS.featuresYaml)} limit`,
        { file: name },
        'give large snapshots as JSON (kubectl get nodefeatures -A -o json)',
      );
    }
    return parseSource(text, name, { maxBytes: LIMITS.featuresYaml, uniqueKeys: false });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    if (err instanceof RangeError) {
      throw new InputError(`nesting deeper than ${LIMITS.depth} levels`, { file: name });
    }
    const message = (err as Error).message;
    const at = /at position (\d+)/.exec(message);
    const offset = at ? Number(at[1]) : text.length;
    const what = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '');
    throw new InputError(`invalid JSON: ${what.slice(0, LIMITS.echo)}`, {
      file: name,
      ...textPosition(text, offset),
    });
  }
  const src: JsonSource = { file: name, text, value, json: true };
  const deep = tooDeep(value, LIMITS.depth);
  if (deep) {
    const { file, line, column } = positionOf(src, deep); // the path would be 64 segments long
    throw new InputError(`nesting deeper than ${LIMITS.depth} levels`, { file, line, column });
  }
  return src;
}

/** The path to a value nested deeper than `max`, found without recursion; undefined when none is. */
function tooDeep(value: unknown, max: number): PathSegment[] | undefined {
  const stack: Array<{ v: object; path: PathSegment[] }> = [];
  const push = (v: unknown, path: PathSegment[]) => {
    if (v !== null && typeof v === 'object') stack.push({ v, path });
  };
  push(value, []);
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (path.length >= max) return path;
    if (Array.isArray(v)) v.forEach((x, i) => push(x, [...path, i]));
    else for (const [k, x] of Object.entries(v)) push(x, [...path, k]);
  }
  return undefined;
}

/** Reads every host in a snapshot document. */
export function parseFeaturesDocument(text: string, file: string): HostFeatures[] {
  const name = displayName(file);
  if (text.length > MAX_FEATURES_BYTES) {
    throw new InputError(`document is larger than the ${formatBytes(MAX_FEATURES_BYTES)} limit`, {
      file: name,
    });
  }
  if (text.trim() === '') {
    throw new InputError(
      'document is empty: expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures',
      { file: name },
    );
  }
  const src = readDocument(text, name);
  const value = src.value;
  const fail = (validate: ValidateFunction): never => {
    throwFirstError(schemaDiagnostics(src, validate.errors));
    throw new InputError('invalid features document', { file: name });
  };
  const at = (path: PathSegment[], message: string): never => {
    throw new InputError(message, positionOf(src, path));
  };

  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return at([], 'expected a Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures');
  }
  const obj = value as Record<string, unknown>;
  if (obj.kind === undefined) {
    if (!isFeatures(obj) && !compiled().features(obj)) fail(compiled().features);
    return [{ name: '', features: normalize(obj as Features) }];
  }
  let items: NodeFeature[];
  if (obj.kind === 'NodeFeature') {
    if (!isNodeFeature(obj) && !compiled().node(obj)) fail(compiled().node);
    items = [obj as unknown as NodeFeature];
  } else if (obj.kind === 'NodeFeatureList' || obj.kind === 'List') {
    const fast = Array.isArray(obj.items) && obj.items.every(isNodeFeature);
    if (!fast && !compiled().list(obj)) fail(compiled().list);
    items = obj.items as NodeFeature[];
  } else {
    return at(
      ['kind'],
      `unsupported kind ${quote(String(obj.kind))}: expected NodeFeature, NodeFeatureList or List`,
    );
  }
  return mergeByNode(items);
}

interface NodeFeature {
  kind: 'NodeFeature';
  metadata: {
    name?: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: { features?: Features };
}

/** Empty where NFD has nil: every set gets its elements object. (fromEntries: "__proto__" stays a key.) */
function normalize(f: Features): Required<Features> {
  return {
    flags: Object.fromEntries(
      Object.entries(f.flags ?? {}).map(([k, s]) => [k, { elements: { ...(s?.elements ?? {}) } }]),
    ),
    attributes: Object.fromEntries(
      Object.entries(f.attributes ?? {}).map(([k, s]) => [k, { elements: { ...(s?.elements ?? {}) } }]),
    ),
    instances: Object.fromEntries(
      Object.entries(f.instances ?? {}).map(([k, s]) => [
        k,
        { elements: (s?.elements ?? []).map((i) => ({ attributes: { ...(i?.attributes ?? {}) } })) },
      ]),
    ),
  };
}

/**
 * nfd-master's merge: a node's NodeFeature objects sorted by name (then namespace); the first is
 * the base, later ones override flag and attribute elements and append instances.
 */
function mergeByNode(items: NodeFeature[]): HostFeatures[] {
  const byNode = new Map<string, NodeFeature[]>();
  items.forEach((item, i) => {
    const node = item.metadata.labels?.[NODE_NAME_LABEL] ?? item.metadata.name ?? `items[${i}]`;
    const list = byNode.get(node) ?? [];
    list.push(item);
    byNode.set(node, list);
  });
  const hosts: HostFeatures[] = [];
  for (const [name, objs] of byNode) {
    const key = (o: NodeFeature) => [o.metadata.name ?? '', o.metadata.namespace ?? ''];
    objs.sort((a, b) => {
      const [an, ans] = key(a);
      const [bn, bns] = key(b);
      return an! < bn! ? -1 : an! > bn! ? 1 : ans! < bns! ? -1 : ans! > bns! ? 1 : 0;
    });
    const merged = normalize(objs[0]!.spec?.features ?? {});
    for (const o of objs.slice(1)) {
      const f = normalize(o.spec?.features ?? {});
      const own = <T>(m: Record<string, T>, k: string) => (Object.hasOwn(m, k) ? m[k] : undefined);
      merged.flags = {
        ...merged.flags,
        ...Object.fromEntries(
          Object.entries(f.flags).map(([k, s]) => [
            k,
            { elements: { ...own(merged.flags, k)?.elements, ...s.elements } },
          ]),
        ),
      };
      merged.attributes = {
        ...merged.attributes,
        ...Object.fromEntries(
          Object.entries(f.attributes).map(([k, s]) => [
            k,
            { elements: { ...own(merged.attributes, k)?.elements, ...s.elements } },
          ]),
        ),
      };
      merged.instances = {
        ...merged.instances,
        ...Object.fromEntries(
          Object.entries(f.instances).map(([k, s]) => [
            k,
            { elements: [...(own(merged.instances, k)?.elements ?? []), ...s.elements] },
          ]),
        ),
      };
    }
    const unavailable = objs.flatMap((o) => unavailableOf(o));
    const labels: Record<string, string> = {};
    for (const o of objs)
      for (const k of PLATFORM_LABELS)
        if (o.metadata.labels?.[k] !== undefined) labels[k] = o.metadata.labels[k];
    hosts.push({
      name,
      features: merged,
      ...(unavailable.length && { unavailable }),
      ...(Object.keys(labels).length > 0 && { labels }),
    });
  }
  return hosts;
}
