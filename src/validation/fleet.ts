// The fleet a published image's validation records describe: each record's scrubbed NodeFeature
// as a host snapshot, one per machine (the newest record of a salted machine id; records without
// one, one per distinct feature set), named by the NodeFeature's name (`machine-<salted id
// prefix>`), made unique. What `check --fleet-image` evaluates and the report action can write
// out as a fleet folder. Pure.
import { createHash } from 'node:crypto';
import type { HostFeatures } from '../features/snapshot.js';
import type { ValidationPredicate } from './predicate.js';

function featuresKey(p: ValidationPredicate): string {
  return createHash('sha256').update(JSON.stringify(p.host.nodeFeature.spec.features)).digest('hex');
}

/** The hosts of the predicates (newest first): one per machine, in that order. */
export function fleetFromPredicates(predicates: readonly ValidationPredicate[]): HostFeatures[] {
  const newest = [...predicates].sort((a, b) => Date.parse(b.time) - Date.parse(a.time));
  const seen = new Set<string>();
  const names = new Set<string>();
  const hosts: HostFeatures[] = [];
  for (const p of newest) {
    const key = p.host.machineId ?? `features:${featuresKey(p)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const base = p.host.nodeFeature.metadata.name || 'host';
    let name = base;
    for (let i = 2; names.has(name); i++) name = `${base}-${i}`;
    names.add(name);
    hosts.push({ name, features: p.host.nodeFeature.spec.features });
  }
  return hosts;
}
