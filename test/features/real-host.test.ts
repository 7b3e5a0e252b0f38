// The collectors on the machine running the tests, checked against `uname -r` and
// /etc/os-release read independently.
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { collectHostFeatures } from '../../src/features/index.js';
import { attrs } from './helpers.js';

describe('this machine', () => {
  it('reports the running kernel, OS and host name, and never throws', async () => {
    const host = await collectHostFeatures({ programTimeoutMs: 5000 });
    const uname = execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim();
    expect(attrs(host.features, 'kernel.version')!.full).toBe(uname.replace(/[^-A-Za-z0-9_.]/g, '_'));
    const id = /^ID=["']?([^"'\n]*)/m.exec(fs.readFileSync('/etc/os-release', 'utf8'))?.[1];
    expect(attrs(host.features, 'system.osrelease')!.ID).toBe(id);
    expect(host.hostname).toBe(os.hostname());
    expect(attrs(host.features, 'cpu.model')!.vendor_id).toMatch(/^(Intel|AMD|ARM|Hygon|VendorUnknown|\w+)$/);
    for (const u of host.unavailable) expect(u.reason.length).toBeGreaterThan(0);
  });
});
