// The fleet a published image's validation records describe: each record's scrubbed NodeFeature
// as a host snapshot, one per machine (the newest record of a salted machine id; records without
// one, one per distinct feature set), named by the NodeFeature's name (`machine-<salted id
// prefix>`), made unique. What `check --fleet-image` evaluates and `validations --fleet-out`
// writes as a fleet folder. Pure.
import { createHash } from 'node:crypto';
import type { NodeFeature } from '../features/node-feature.js';
import type { HostFeatures } from '../features/snapshot.js';
import type { ValidationPredicate } from './predicate.js';

function featuresKey(p: ValidationPredicate): string {
  return createHash('sha256').update(JSON.stringify(p.host.nodeFeature.spec.features)).digest('hex');
}

/** The host snapshots of the predicates (newest first): one NodeFeature per machine, names unique. */
export function fleetNodeFeatures(predicates: readonly ValidationPredicate[]): NodeFeature[] {
  const newest = [...predicates].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const seen = new Set<string>();
  const names = new Set<string>();
  const out: NodeFeature[] = [];
  for (const p of newest) {
    const key = p.host.machineId ?? `features:${featuresKey(p)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = p.host.nodeFeature.metadata.name || 'host';
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    const nf = p.host.nodeFeature;
    out.push({ ...nf, metadata: { ...nf.metadata, name, labels: {} } });
  }
  return out;
}

/** The hosts of the predicates, as `check` evaluates them. */
export function fleetFromPredicates(predicates: readonly ValidationPredicate[]): HostFeatures[] {
  return fleetNodeFeatures(predicates).map((nf) => ({ name: nf.metadata.name, features: nf.spec.features }));
}
