// The host fingerprint a validation record carries: the hardware summary the report shows (CPU,
// kernel, OS, GPUs with driver and compute capability, NICs, RDMA) without the host name, and a
// salted machine id (sha256 of salt + /etc/machine-id): the same machine is recognisable across
// records of one salt, never reversible to the id, and unlinkable across salts. The hostname only
// when asked.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { UnavailableSource } from '../features/host-root.js';
import type { Features } from '../features/types.js';
import { summarizeHardware } from '../report/hardware.js';
import type { HardwareSummary } from '../report/hardware.js';
import { scrubFeatures } from './scrub.js';

export interface HostFingerprint {
  /** The report's hardware summary, `host` empty unless the hostname was asked for. */
  hardware: HardwareSummary;
  /** `sha256:<hex>` of salt + machine id; absent when the machine id is unknown (a snapshot). */
  machineId?: string;
  /** Only when asked for (`--attest-hostname`). */
  hostname?: string;
}

/** Where systemd and D-Bus keep the machine id, under the host root. */
const MACHINE_ID_FILES = ['/etc/machine-id', '/var/lib/dbus/machine-id'];

/** The host's machine id (32 hex digits), or undefined when it has none we can read. */
export function readMachineId(hostRoot = ''): string | undefined {
  for (const file of MACHINE_ID_FILES) {
    try {
      const id = readFileSync(path.join(hostRoot || '/', file), 'utf8').trim();
      if (/^[0-9a-f]{32}$/i.test(id)) return id.toLowerCase();
    } catch {
      // not there: the next one
    }
  }
  return undefined;
}

/** `sha256:<hex>` of the salt and the machine id. */
export function saltedMachineId(machineId: string, salt: string): string {
  return `sha256:${createHash('sha256').update(`${salt}\n${machineId}`).digest('hex')}`;
}

export function hostFingerprint(
  features: Features,
  opts: { unavailable?: UnavailableSource[]; machineId?: string; salt: string; hostname?: string },
): HostFingerprint {
  // The summary is made of scrubbed features: nothing identifying reaches it either.
  const hardware = summarizeHardware(scrubFeatures(features), opts.hostname ?? '', opts.unavailable ?? []);
  return {
    hardware,
    ...(opts.machineId !== undefined && { machineId: saltedMachineId(opts.machineId, opts.salt) }),
    ...(opts.hostname !== undefined && { hostname: opts.hostname }),
  };
}
