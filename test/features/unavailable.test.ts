// Sources that cannot be read give an absent feature and an entry in `unavailable`, never a
// crash. Simulated without file permissions (tests run as root): a directory where a file
// should be, a dangling symlink, an injected read error, a collector that throws.
import { afterEach, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { collectHostFeatures, nodeHostFsForTest } from './unavailable-helpers.js';
import { attrs, copyTree, flags, instances, rmTemp } from './helpers.js';

let dir = '';
afterEach(() => {
  if (dir) rmTemp(dir);
  dir = '';
});

describe('unreadable sources', () => {
  it('a directory where /proc/modules should be: no loadedmodule, unavailable with EISDIR', async () => {
    dir = copyTree('h100-server');
    fs.rmSync(path.join(dir, 'proc/modules'));
    fs.mkdirSync(path.join(dir, 'proc/modules'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(flags(host.features, 'kernel.loadedmodule')).toBeUndefined();
    expect(host.unavailable).toContainEqual({
      source: 'kernel.loadedmodule',
      reason: 'cannot read /proc/modules: is a directory, not a file (EISDIR)',
    });
    // enabledmodule is still builtin-only, as NFD does
    expect(flags(host.features, 'kernel.enabledmodule')).toEqual(expect.arrayContaining(['loop']));
    expect(flags(host.features, 'kernel.enabledmodule')).not.toContain('nvidia');
  });

  it('a dangling /etc/os-release link: no osrelease, unavailable with ENOENT', async () => {
    dir = copyTree('vm');
    fs.rmSync(path.join(dir, 'etc/os-release'));
    fs.symlinkSync('../usr/lib/os-release-gone', path.join(dir, 'etc/os-release'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(attrs(host.features, 'system.osrelease')).toBeUndefined();
    expect(host.unavailable).toContainEqual({
      source: 'system.osrelease',
      reason: 'cannot read /etc/os-release: not found (ENOENT)',
    });
  });

  it('a dangling `device` link makes an interface virtual, as NFD (stat follows links)', async () => {
    dir = copyTree('h100-server');
    const iface = fs.realpathSync(path.join(dir, 'sys/class/net/ens1f0np0'));
    fs.rmSync(path.join(iface, 'device'));
    fs.symlinkSync('../../../0000:17:00.9', path.join(iface, 'device'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(instances(host.features, 'network.device')!.map((d) => d.name)).not.toContain('ens1f0np0');
    expect(instances(host.features, 'network.virtual')).toContainEqual({
      name: 'ens1f0np0',
      operstate: 'up',
      speed: '100000',
      mtu: '9000',
    });
  });

  it('a PCI device with an unreadable mandatory attribute is skipped and named', async () => {
    dir = copyTree('h100-server');
    const dev = fs.realpathSync(path.join(dir, 'sys/bus/pci/devices/0000:03:00.0'));
    fs.rmSync(path.join(dev, 'subsystem_device'));
    fs.mkdirSync(path.join(dev, 'subsystem_device'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(instances(host.features, 'pci.device')).toHaveLength(9);
    expect(host.unavailable).toContainEqual({
      source: 'pci.device',
      reason: 'skipped devices with unreadable attributes: 0000:03:00.0',
    });
  });

  it('an injected read error on /proc/cpuinfo: no cpuid, no model, the rest collected', async () => {
    const fsWithError = nodeHostFsForTest((p) => {
      if (p.endsWith('/proc/cpuinfo')) throw Object.assign(new Error('EIO'), { code: 'EIO', path: p });
    });
    const host = await collectHostFeatures({
      hostRoot: path.resolve('test/fixtures/features/h100-server'),
      fs: fsWithError,
      runProgram: undefined,
    });
    expect(flags(host.features, 'cpu.cpuid')).toBeUndefined();
    expect(attrs(host.features, 'cpu.model')).toBeUndefined();
    expect(host.unavailable).toContainEqual({
      source: 'cpu.cpuid',
      reason: 'cannot read /proc/cpuinfo: input/output error (EIO)',
    });
    expect(attrs(host.features, 'kernel.version')!.full).toBe('5.15.0-125-generic');
  });

  it('an error that is not an errno error is reported as it is', async () => {
    const weird = nodeHostFsForTest((p) => {
      if (p.endsWith('/sys/block')) throw 'not an Error';
    });
    const host = await collectHostFeatures({
      hostRoot: path.resolve('test/fixtures/features/vm'),
      fs: weird,
    });
    expect(host.features.instances).not.toHaveProperty(['storage.block']);
    expect(host.unavailable).toContainEqual({ source: 'storage.block', reason: 'not an Error' });
  });

  it('an empty host root: every source absent or unavailable, nothing thrown', async () => {
    dir = fs.mkdtempSync(path.join(fs.realpathSync('/tmp'), 'ic-empty-'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(host.hostname).toBe('unknown');
    expect(host.features.flags).toEqual({});
    const sources = host.unavailable.map((u) => u.source);
    for (const s of [
      'cpu.cpuid',
      'kernel.version',
      'kernel.config',
      'pci.device',
      'network.device',
      'system.osrelease',
    ]) {
      expect(sources).toContain(s);
    }
  });
});

describe('links under a host root', () => {
  it('an absolute /etc/os-release link resolves inside the host root', async () => {
    dir = copyTree('vm');
    fs.mkdirSync(path.join(dir, 'etc/static'), { recursive: true });
    fs.renameSync(path.join(dir, 'etc/os-release'), path.join(dir, 'etc/static/os-release'));
    fs.symlinkSync('/etc/static/os-release', path.join(dir, 'etc/os-release'));
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(attrs(host.features, 'system.osrelease')!.ID).toBe('rocky');
  });
});
