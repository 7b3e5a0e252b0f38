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

/**
 * Keys that hold an identifier of this very machine or device, per feature (a key pattern for all
 * features would hit kernel.config's SERIAL_8250 or cpuid's SERIALIZE, which rules do read).
 */
const IDENTIFYING_KEYS: Array<[feature: RegExp, key: RegExp]> = [
  [/^system\.dmiid$/, /serial|uuid|asset_tag/i],
  [/^usb\./, /serial/i],
  [/^(network|rdma|pci)\./, /^(address|perm_addr|mac|hw_?addr|.*guid|serial.*)$/i],
  [/./, /^(machine_?id|hostname|nodename)$/i],
];

/** A MAC (EUI-48/64) or an InfiniBand GUID (`xxxx:xxxx:xxxx:xxxx`), whatever key holds it. */
const IDENTIFYING_VALUE =
  /^([0-9a-f]{2}[:-]){5}([0-9a-f]{2})([:-][0-9a-f]{2}){0,2}$|^([0-9a-f]{4}:){3}[0-9a-f]{4}$/i;

function scrubElements(feature: string, elements: Record<string, string>): Record<string, string> {
  const keys = IDENTIFYING_KEYS.filter(([f]) => f.test(feature)).map(([, k]) => k);
  return Object.fromEntries(
    Object.entries(elements).filter(
      ([k, v]) => !keys.some((re) => re.test(k)) && !IDENTIFYING_VALUE.test(v.trim()),
    ),
  );
}

/** The features without the node name, serial numbers, UUIDs, MAC addresses and GUIDs. */
export function scrubFeatures(features: Features): Features {
  const out: Required<Features> = { flags: {}, attributes: {}, instances: {} };
  for (const [name, set] of Object.entries(features.flags ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    // Flag names are features (modules, cpuid flags, kernel options), never identifiers.
    out.flags[name] = { elements: { ...set.elements } };
  }
  for (const [name, set] of Object.entries(features.attributes ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.attributes[name] = { elements: scrubElements(name, set.elements) };
  }
  for (const [name, set] of Object.entries(features.instances ?? {})) {
    if (DROPPED_FEATURES.has(name)) continue;
    out.instances[name] = {
      elements: set.elements.map((e) => ({ attributes: scrubElements(name, e.attributes) })),
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
