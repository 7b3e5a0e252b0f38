// The fleet folder `check --fleet` (and the check action's `fleet` input) reads, written: one host
// snapshot file per host, `<name>.json` holding a NodeFeature. The one writer behind
// `validations --fleet-out` and `report --fleet-out` (the report action's `fleet-out`). Host names
// come from records and reports (runner names): a file name keeps only [A-Za-z0-9._-] of it, never
// starts with a dot, and is unique within the folder even on a case-insensitive file system, so no
// name can reach outside the folder or overwrite another host's file.
import path from 'node:path';
import type { NodeFeature } from '../features/node-feature.js';
import { writeOutput } from '../io/write.js';

/** Longer names are cut: a file name stays well under the 255 bytes file systems allow. */
const MAX_NAME = 100;

/** The safe file-name stem of a host name: `gpu runner/1` -> `gpu-runner-1`; `host` when nothing is left. */
export function fleetFileStem(name: string): string {
  const stem = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, MAX_NAME)
    .replace(/[.-]+$/, '');
  return stem || 'host';
}

/** The file names of the hosts, in their order: safe stems, `-2`, `-3`... where two would clash. */
export function fleetFileNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const stem = fleetFileStem(name);
    let file = stem;
    for (let i = 2; taken.has(file.toLowerCase()); i++) file = `${stem}-${i}`;
    taken.add(file.toLowerCase());
    return `${file}.json`;
  });
}

/** Writes each host as `<dir>/<safe name>.json`; returns the files written, in the hosts' order. */
export async function writeFleetFolder(dir: string, hosts: readonly NodeFeature[]): Promise<string[]> {
  const names = fleetFileNames(hosts.map((nf) => nf.metadata.name));
  const files: string[] = [];
  for (const [i, nf] of hosts.entries()) {
    const file = path.join(dir, names[i]!);
    await writeOutput(file, `${JSON.stringify(nf, null, 2)}\n`, { what: 'the fleet folder' });
    files.push(file);
  }
  return files;
}
