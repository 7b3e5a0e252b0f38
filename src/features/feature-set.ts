// Small builders for NFD's Features object, shared by the collectors.
import type { Features, InstanceFeature } from './types.js';

export function flagSet(names: Iterable<string>): { elements: Record<string, Record<string, never>> } {
  const elements: Record<string, Record<string, never>> = {};
  for (const n of names) elements[n] = {};
  return { elements };
}

export function attributeSet(values: Record<string, string>): { elements: Record<string, string> } {
  return { elements: { ...values } };
}

export function instanceSet(items: Array<Record<string, string>>): { elements: InstanceFeature[] } {
  return { elements: items.map((attributes) => ({ attributes })) };
}

/** Merge collector outputs into one Features object (later sources never overwrite earlier). */
export function mergeFeatures(parts: Features[]): Required<Features> {
  const out: Required<Features> = { flags: {}, attributes: {}, instances: {} };
  for (const p of parts) {
    for (const [k, v] of Object.entries(p.flags ?? {})) out.flags[k] ??= v;
    for (const [k, v] of Object.entries(p.attributes ?? {})) out.attributes[k] ??= v;
    for (const [k, v] of Object.entries(p.instances ?? {})) out.instances[k] ??= v;
  }
  return out;
}

/** The same Features with feature names and element keys sorted, for stable output. */
export function sortFeatures(f: Features): Required<Features> {
  // The default sort (UTF-16 code units, as `<` compares strings) is native: kernel.config alone
  // has ~1,700 keys, where a JS comparator costs milliseconds.
  const sortKeys = <T>(o: Record<string, T>): Record<string, T> => {
    const sorted: Record<string, T> = {};
    for (const k of Object.keys(o).sort()) sorted[k] = o[k]!;
    return sorted;
  };
  const out: Required<Features> = { flags: {}, attributes: {}, instances: {} };
  for (const [k, v] of Object.entries(sortKeys(f.flags ?? {})))
    out.flags[k] = { elements: sortKeys(v.elements) };
  for (const [k, v] of Object.entries(sortKeys(f.attributes ?? {})))
    out.attributes[k] = { elements: sortKeys(v.elements) };
  for (const [k, v] of Object.entries(sortKeys(f.instances ?? {})))
    out.instances[k] = { elements: v.elements.map((i) => ({ attributes: sortKeys(i.attributes) })) };
  return out;
}

/** Qualify a source's feature names: `cpuid` -> `cpu.cpuid`. */
export function prefix(domain: string, f: Required<Features>): Required<Features> {
  const q = <T>(o: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(o).map(([k, v]) => [`${domain}.${k}`, v]));
  return { flags: q(f.flags), attributes: q(f.attributes), instances: q(f.instances) };
}

export function newFeatures(): Required<Features> {
  return { flags: {}, attributes: {}, instances: {} };
}
