// The shapes of host feature snapshots: ajv validators precompiled from the schemas of
// snapshot-schema.ts (which explain what is wrong, and where) and a fast structural check mirroring
// them, so that large cluster snapshots skip running ajv unless something is wrong.
import type { ValidateFunction } from 'ajv';
import * as validators from './snapshot-schema.validate.js';

export function compiled(): Record<'features' | 'node' | 'list', ValidateFunction> {
  return validators as unknown as Record<'features' | 'node' | 'list', ValidateFunction>;
}

// The fast check: the same rules as the schemas above, without ajv.
const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);
const onlyKeys = (v: Record<string, unknown>, keys: readonly string[]) =>
  Object.keys(v).every((k) => keys.includes(k));
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === 'string');
const optional = (v: unknown, check: (x: unknown) => boolean) => v === undefined || check(v);
const nullable = (v: unknown, check: (x: unknown) => boolean) => v === null || check(v);
const isSet = (v: unknown, elements: (x: unknown) => boolean) =>
  isObject(v) && onlyKeys(v, ['elements']) && optional(v.elements, (e) => nullable(e, elements));
const sets = (v: unknown, elements: (x: unknown) => boolean) =>
  optional(v, (m) =>
    nullable(m, (x) => isObject(x) && Object.values(x).every((set) => isSet(set, elements))),
  );

export function isFeatures(v: unknown): boolean {
  return (
    isObject(v) &&
    onlyKeys(v, ['flags', 'attributes', 'instances']) &&
    sets(v.flags, (e) => isObject(e) && Object.values(e).every((x) => x === null || isObject(x))) &&
    sets(v.attributes, isStringMap) &&
    sets(
      v.instances,
      (e) =>
        Array.isArray(e) &&
        e.every(
          (i) =>
            isObject(i) &&
            onlyKeys(i, ['attributes']) &&
            optional(i.attributes, (a) => nullable(a, isStringMap)),
        ),
    )
  );
}

export function isNodeFeature(v: unknown): boolean {
  if (!isObject(v) || v.kind !== 'NodeFeature' || !isObject(v.metadata)) return false;
  const m = v.metadata;
  return (
    optional(m.name, (x) => typeof x === 'string') &&
    optional(m.namespace, (x) => typeof x === 'string') &&
    optional(m.labels, isStringMap) &&
    optional(
      v.spec,
      (sp) =>
        isObject(sp) &&
        optional(sp.features, isFeatures) &&
        optional(sp.labels, (l) => nullable(l, isStringMap)),
    )
  );
}
