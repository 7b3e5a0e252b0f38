// GPUs: nvidia-smi (faked by an injected runner and by a script on PATH), the R470 fallback,
// timeouts, driver versions from sysfs/procfs, AMD gfx targets from the KFD topology.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { collectHostFeatures, makeProgramRunner } from '../../src/features/index.js';
import { gfxTarget, parseNvidiaProcVersion, queryNvidiaSmi } from '../../src/features/gpu.js';
import { attrs, fakeNvidiaSmi, instances, rmTemp, tempDir, tree, writeFile } from './helpers.js';

const H100_LINE = '00000000:19:00.0, 0x233010DE, NVIDIA H100 80GB HBM3, 550.127.05, 81559, 9.0\n';

describe('nvidia-smi', () => {
  it('asks for bus id, device id, name, driver, memory and compute_cap, without units', async () => {
    const run = fakeNvidiaSmi(() => ({ code: 0, stdout: H100_LINE, stderr: '' }));
    const r = await queryNvidiaSmi(run, 1000);
    expect(run.calls[0]!.args).toEqual([
      '--query-gpu=pci.bus_id,pci.device_id,name,driver_version,memory.total,compute_cap',
      '--format=csv,noheader,nounits',
    ]);
    expect(r).toEqual({
      gpus: [
        {
          address: '0000:19:00.0',
          device: '2330',
          model: 'NVIDIA H100 80GB HBM3',
          driverVersion: '550.127.05',
          memoryMib: '81559',
          computeCapability: '9.0',
        },
      ],
    });
  });

  it('retries without compute_cap when the driver (R470) rejects the field', async () => {
    const run = fakeNvidiaSmi((args) =>
      args[0]!.includes('compute_cap')
        ? { code: 2, stdout: 'Field "compute_cap" is not a valid field to query.\n', stderr: '' }
        : { code: 0, stdout: '00000000:3B:00.0, 0x1EB810DE, Tesla T4, 470.256.02, 15109\n', stderr: '' },
    );
    const r = await queryNvidiaSmi(run, 1000);
    expect(run.calls).toHaveLength(2);
    expect(run.calls[1]!.args[0]).toBe(
      '--query-gpu=pci.bus_id,pci.device_id,name,driver_version,memory.total',
    );
    expect(r).toEqual({
      gpus: [
        {
          address: '0000:3b:00.0',
          device: '1eb8',
          model: 'Tesla T4',
          driverVersion: '470.256.02',
          memoryMib: '15109',
        },
      ],
    });
  });

  it('does not retry other failures, and reports them', async () => {
    const run = fakeNvidiaSmi(() => ({
      code: 9,
      stdout: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n",
      stderr: '',
    }));
    expect(await queryNvidiaSmi(run, 1000)).toEqual({
      reason:
        "nvidia-smi exited 9: NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.",
    });
    expect(run.calls).toHaveLength(1);
  });

  describe('with the real runner and a script on PATH', () => {
    let bin = '';
    beforeAll(() => {
      bin = tempDir('ic-bin-');
      fs.writeFileSync(
        path.join(bin, 'nvidia-smi'),
        `#!/bin/sh\ncase "$1" in *compute_cap*) echo 'Field "compute_cap" is not a valid field to query.'; exit 2;; esac\nprintf '%s\\n' '00000000:19:00.0, 0x233010DE, NVIDIA H100 80GB HBM3, 470.82.01, 81559'\n`,
        { mode: 0o755 },
      );
      fs.writeFileSync(path.join(bin, 'slow-smi'), '#!/bin/sh\nsleep 5\n', { mode: 0o755 });
    });
    afterAll(() => rmTemp(bin));

    it('runs it with the fallback', async () => {
      const run = makeProgramRunner({ PATH: `${bin}:/usr/bin:/bin` });
      const r = await queryNvidiaSmi(run, 5000);
      expect(r).toEqual({
        gpus: [
          expect.objectContaining({
            address: '0000:19:00.0',
            driverVersion: '470.82.01',
            memoryMib: '81559',
          }),
        ],
      });
    });

    it('reports a missing program and a timeout', async () => {
      const run = makeProgramRunner({ PATH: '/nonexistent' });
      expect(await queryNvidiaSmi(run, 1000)).toEqual({ reason: 'nvidia-smi not found on PATH' });
      const slow = makeProgramRunner({ PATH: `${bin}:/usr/bin:/bin` });
      const started = Date.now();
      const r = await slow(path.join(bin, 'slow-smi'), [], { timeoutMs: 200 });
      expect(Date.now() - started).toBeLessThan(3000);
      expect(r.error).toMatchObject({ timedOut: true, message: 'timed out after 200 ms' });
    });
  });

  it('a failing nvidia-smi leaves the sysfs facts and lists the source as unavailable', async () => {
    const run = fakeNvidiaSmi(() => ({
      code: null,
      stdout: '',
      stderr: '',
      error: { message: 'timed out after 10000 ms', timedOut: true },
    }));
    const host = await collectHostFeatures({ hostRoot: tree('h100-server'), runProgram: run });
    expect(instances(host.features, 'gpu.device')![0]).toEqual({
      class: '0302',
      device: '2330',
      driver: 'nvidia',
      driver_version: '550.127.05',
      numa_node: '0',
      vendor: '10de',
    });
    expect(host.unavailable).toEqual([
      { source: 'gpu.device (nvidia-smi)', reason: 'nvidia-smi: timed out after 10000 ms' },
    ]);
  });
});

describe('driver versions and gfx targets', () => {
  it.each([
    ['NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.135  Tue Nov 12 2024\n', '550.135'],
    [
      'NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  580.95.05  Release Build  (dvs-builder@U16-I3-B03-4-3)\n',
      '580.95.05',
    ],
    ['NVRM version: NVIDIA UNIX aarch64 Kernel Module  535.216.01  Sat Oct  5 2024\n', '535.216.01'],
    ['garbage\n', undefined],
  ])('parses %j', (text, version) => {
    expect(parseNvidiaProcVersion(text)).toBe(version);
  });

  it.each([
    [90402, 'gfx942'],
    [90010, 'gfx90a'],
    [90008, 'gfx908'],
    [110000, 'gfx1100'],
    [0, undefined],
  ])('gfx_target_version %d -> %s', (v, target) => {
    expect(gfxTarget(v)).toBe(target);
  });

  let dir = '';
  afterAll(() => rmTemp(dir));

  it('reads an AMD GPU: amdgpu driver, gfx target from KFD, counted as amd', async () => {
    dir = tempDir();
    const dev = 'sys/devices/pci0000:00/0000:00:01.1/0000:c1:00.0';
    for (const [k, v] of Object.entries({
      class: '0x038000',
      vendor: '0x1002',
      device: '0x74a1',
      subsystem_vendor: '0x1002',
      subsystem_device: '0x74a1',
      numa_node: '1',
    })) {
      writeFile(dir, `${dev}/${k}`, `${v}\n`);
    }
    writeFile(dir, 'sys/bus/pci/drivers/amdgpu/uevent', '');
    fs.mkdirSync(path.join(dir, 'sys/bus/pci/devices'), { recursive: true });
    fs.symlinkSync(
      `../../../devices/pci0000:00/0000:00:01.1/0000:c1:00.0`,
      path.join(dir, 'sys/bus/pci/devices/0000:c1:00.0'),
    );
    fs.symlinkSync('../../../../bus/pci/drivers/amdgpu', path.join(dir, dev, 'driver'));
    writeFile(
      dir,
      'sys/class/kfd/kfd/topology/nodes/0/properties',
      'cpu_cores_count 96\nsimd_count 0\ngfx_target_version 0\nlocation_id 0\ndomain 0\n',
    );
    writeFile(
      dir,
      'sys/class/kfd/kfd/topology/nodes/1/properties',
      `cpu_cores_count 0\nsimd_count 1216\ngfx_target_version 90402\nlocation_id ${(0xc1 << 8) | 0}\ndomain 0\n`,
    );
    const host = await collectHostFeatures({ hostRoot: dir });
    expect(instances(host.features, 'gpu.device')).toEqual([
      {
        class: '0380',
        device: '74a1',
        driver: 'amdgpu',
        gfx_target: 'gfx942',
        numa_node: '1',
        vendor: '1002',
      },
    ]);
    expect(attrs(host.features, 'gpu.count')).toEqual({ total: '1', nvidia: '0', amd: '1', intel: '0' });
    expect(host.unavailable.map((u) => u.source)).not.toContain('gpu.device (nvidia-smi)');
  });
});

describe('GPUs that only nvidia-smi sees', () => {
  let dir = '';
  afterAll(() => rmTemp(dir));

  it('become instances from nvidia-smi alone when sysfs hides the PCI bus', async () => {
    dir = tempDir();
    writeFile(
      dir,
      'proc/driver/nvidia/version',
      'NVRM version: NVIDIA UNIX x86_64 Kernel Module  550.135  Tue Nov 12 2024\n',
    );
    const run = fakeNvidiaSmi(() => ({ code: 0, stdout: H100_LINE, stderr: '' }));
    const host = await collectHostFeatures({ hostRoot: dir, runProgram: run });
    expect(instances(host.features, 'gpu.device')).toEqual([
      {
        compute_capability: '9.0',
        device: '2330',
        driver: 'nvidia',
        driver_version: '550.127.05',
        memory_mib: '81559',
        model: 'NVIDIA H100 80GB HBM3',
        vendor: '10de',
      },
    ]);
    expect(attrs(host.features, 'gpu.count')).toMatchObject({ total: '1', nvidia: '1' });
    expect(host.unavailable.map((u) => u.source)).toContain('gpu.device');
  });
});
