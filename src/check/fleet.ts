// Fleet impact: the specs before and after a change evaluated on known hosts (feature snapshots),
// and the hosts a change newly excludes or admits. Pure: no I/O. A host is admitted when at least
// one set of its platform's spec has all its rules matching (as `validate` decides). A host's
// platform comes from its features (CPU vendor, CPU flags, kernel config); a host whose
// architecture cannot be told is evaluated against every platform's spec.
import { EvaluationError } from '../errors.js';
import type { HostFeatures } from '../features/snapshot.js';
import type { Features } from '../features/types.js';
import { compileSpec, evaluateSpec, type CompiledSpec } from '../match/index.js';
import type { Spec } from '../spec/types.js';
import { setName } from './requirements.js';

export interface HostImpact {
  name: string;
  /** `amd64`, `arm64`, or undefined when the features do not say. */
  architecture?: string;
  /** The platforms (spec keys) the host was evaluated against. */
  platforms: string[];
  /** Sets (names) matching before and after, per platform evaluated, `platform: set` when several. */
  before: string[];
  after: string[];
  admittedBefore: boolean;
  admittedAfter: boolean;
  /** NFD evaluation errors (a kernel version NFD cannot parse): the host counts as not admitted. */
  errors?: string[];
}

export interface FleetImpact {
  hosts: HostImpact[];
  /** Admitted before, not after. */
  excluded: string[];
  /** Admitted after, not before. */
  admitted: string[];
}

const AMD64_VENDORS = new Set(['Intel', 'AMD', 'Hygon', 'VIA', 'Zhaoxin']);
const ARM64_VENDORS = new Set([
  'ARM',
  'Ampere',
  'NVIDIA',
  'Qualcomm',
  'Fujitsu',
  'Apple',
  'Cavium',
  'Marvell',
  'Broadcom',
  'HiSilicon',
]);

/** The host's CPU architecture as an OCI platform's `architecture`, from NFD's features. */
export function hostArchitecture(features: Features): string | undefined {
  const config = features.attributes?.['kernel.config']?.elements ?? {};
  if ('ARM64' in config) return 'arm64';
  if ('X86_64' in config) return 'amd64';
  const vendor = features.attributes?.['cpu.model']?.elements?.vendor_id;
  if (vendor && AMD64_VENDORS.has(vendor)) return 'amd64';
  if (vendor && ARM64_VENDORS.has(vendor)) return 'arm64';
  const flags = features.flags?.['cpu.cpuid']?.elements ?? {};
  if ('ASIMD' in flags) return 'arm64';
  if ('SSE2' in flags || 'SSE42' in flags || 'AVX' in flags) return 'amd64';
  return undefined;
}

/** The architecture of `os/arch[/variant]`; undefined for `''` (a spec for every platform). */
function platformArchitecture(platform: string): string | undefined {
  return platform.split('/')[1] || undefined;
}

/** The spec keys a host is evaluated against: those of its architecture, or all when unknown. */
export function platformsFor(architecture: string | undefined, platforms: readonly string[]): string[] {
  if (!architecture) return [...platforms];
  return platforms.filter((p) => {
    const arch = platformArchitecture(p);
    return arch === undefined || arch === architecture;
  });
}

function matchingSets(spec: CompiledSpec | undefined, features: Features): string[] {
  if (!spec) return [];
  // Verdicts only: the reports of thousands of hosts would be made and thrown away.
  const results = evaluateSpec(spec, features, { reports: false });
  return results.flatMap((r, i) =>
    r.rules.every((rule) => rule.isMatch) ? [setName(spec.spec.compatibilities[i]!, i)] : [],
  );
}

/** Each platform's spec compiled once, for all the hosts. */
function compiled(specs: ReadonlyMap<string, Spec>): Map<string, CompiledSpec> {
  return new Map([...specs].map(([platform, spec]) => [platform, compileSpec(spec)]));
}

/**
 * Evaluates every host on the specs before and after (maps platform -> spec; `''` serves all).
 * An NFD evaluation error on a host is kept on that host (as validate-node, it is not admitted).
 */
export function fleetImpact(
  before: ReadonlyMap<string, Spec>,
  after: ReadonlyMap<string, Spec>,
  hosts: readonly HostFeatures[],
): FleetImpact {
  const platforms = [...new Set([...before.keys(), ...after.keys()])].sort();
  const specsBefore = compiled(before);
  const specsAfter = compiled(after);
  const impacts = hosts.map((host): HostImpact => {
    const architecture = hostArchitecture(host.features);
    const mine = platformsFor(architecture, platforms);
    const label = (p: string, set: string) => (mine.length > 1 && p ? `${p}: ${set}` : set);
    const sets = (specs: ReadonlyMap<string, CompiledSpec>) =>
      mine.flatMap((p) => matchingSets(specs.get(p), host.features).map((s) => label(p, s)));
    const errors: string[] = [];
    const safely = (specs: ReadonlyMap<string, CompiledSpec>, side: string) => {
      try {
        return sets(specs);
      } catch (err) {
        // NFD aborts validate-node on such an error: the host is not admitted; the check goes on.
        if (!(err instanceof EvaluationError)) throw err;
        errors.push(`${side}: ${err.message}`);
        return [];
      }
    };
    const b = safely(specsBefore, 'before');
    const a = safely(specsAfter, 'after');
    return {
      name: host.name,
      ...(architecture && { architecture }),
      platforms: mine,
      before: b,
      after: a,
      admittedBefore: b.length > 0,
      admittedAfter: a.length > 0,
      ...(errors.length && { errors }),
    };
  });
  return {
    hosts: impacts,
    excluded: impacts.filter((h) => h.admittedBefore && !h.admittedAfter).map((h) => h.name),
    admitted: impacts.filter((h) => !h.admittedBefore && h.admittedAfter).map((h) => h.name),
  };
}
