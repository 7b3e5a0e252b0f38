// A host's features with what identifies the machine taken out, so that a signed validation record
// can carry them (and the fleet be rebuilt from it) without naming or tracking the host: the node
// name (system.name), serial numbers, UUIDs and asset tags (DMI, USB), MAC addresses and GUIDs
// (any key that names one, any value shaped like one). Pure.
import { NODE_FEATURE_API_VERSION, UNAVAILABLE_ANNOTATION } from '../features/node-feature.js';
import type { NodeFeature } from '../features/node-feature.js';
import type { UnavailableSource } from '../features/host-root.js';
import type { Features } from '../features/types.js';

/** Features dropped whole: the node's name. */
const DROPPED_FEATURES = new Set(['system.name']);

/** Keys that hold an identifier of this very machine or device. */
const IDENTIFYING_KEY =
  /(serial|uuid|asset_tag|mac|hw_?addr|^address$|perm_addr|guid|machine_?id|hostname|nodename)/i;

/** A MAC (EUI-48/64) or an InfiniBand GUID (`xxxx:xxxx:xxxx:xxxx`). */
const IDENTIFYING_VALUE =
  /^([0-9a-f]{2}[:-]){5}([0-9a-f]{2})([:-][0-9a-f]{2}){0,2}$|^([0-9a-f]{4}:){3}[0-9a-f]{4}$/i;

function keep(key: string, value: string): boolean {
  return !IDENTIFYING_KEY.test(key) && !IDENTIFYING_VALUE.test(value.trim());
}

function scrubElements(elements: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(elements).filter(([k, v]) => keep(k, v)));
}

/** The features without the node name, serial numbers, UUIDs, MAC addresses and GUIDs. */
export function scrubFeatures(features: Features): Features {
  const out: Required<Features> = { flags: {}, attributes: {}, instances: {} };
  for (const [name, set] of Object.entries(features.flags ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.flags[name] = {
      elements: Object.fromEntries(Object.entries(set.elements).filter(([k]) => keep(k, k))),
    };
  }
  for (const [name, set] of Object.entries(features.attributes ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.attributes[name] = { elements: scrubElements(set.elements) };
  }
  for (const [name, set] of Object.entries(features.instances ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.instances[name] = {
      elements: set.elements.map((e) => ({ attributes: scrubElements(e.attributes) })),
    };
  }
  return out;
}

/**
 * The scrubbed host as a NodeFeature `validate --features` and `check --fleet` read back: no node
 * name label, no labels at all; its name is `name` (a salted machine id prefix, not the hostname).
 */
export function scrubbedNodeFeature(
  features: Features,
  name: string,
  unavailable: UnavailableSource[] = [],
): NodeFeature {
  return {
    apiVersion: NODE_FEATURE_API_VERSION,
    kind: 'NodeFeature',
    metadata: {
      name,
      labels: {},
      ...(unavailable.length > 0 && {
        annotations: { [UNAVAILABLE_ANNOTATION]: JSON.stringify(unavailable) },
      }),
    },
    spec: { features: scrubFeatures(features) },
  };
}
