// The readable hardware summary (src/report/hardware.ts) from the fixture snapshots.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import path from 'node:path';
import { unavailableOf, type NodeFeature } from '../../src/features/index.js';
import { formatHardwareMarkdown, formatHardwareTable, summarizeHardware } from '../../src/report/hardware.js';
import { FIXTURES } from './helpers.js';

const load = (name: string): NodeFeature =>
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'snapshots', name), 'utf8')) as NodeFeature;

describe('hardware summary', () => {
  it('summarizes the H100 server', () => {
    const nf = load('h100-server.json');
    const s = summarizeHardware(nf.spec.features, nf.metadata.name, unavailableOf(nf));
    expect(s.cpu).toMatchObject({
      vendor: 'Intel',
      family: '6',
      model: '143',
      x86Level: 'x86-64-v4',
      sockets: '2',
    });
    expect(s.kernel).toBe('5.15.0-125-generic');
    expect(s.os).toBe('Ubuntu 22.04.5 LTS');
    expect(s.gpus).toHaveLength(2);
    expect(s.gpus[0]).toMatchObject({
      vendor: 'NVIDIA',
      model: 'NVIDIA H100 80GB HBM3',
      computeCapability: '9.0',
      memoryMib: '81559',
    });
    expect(s.nics[0]).toEqual({
      name: 'ens1f0np0',
      operstate: 'up',
      speed: '100000',
      totalVfs: '8',
      numVfs: '2',
    });
    expect(s.rdma.map((r) => r.linkLayer)).toEqual(['Ethernet', 'InfiniBand']);
    expect(s.memory).toEqual({ numaNodes: '2', hugepages: ['1Gi: 8', '2Mi: 1024'], swap: 'false' });
    expect(formatHardwareTable(s)).toMatch(
      /^GPU 0 +NVIDIA H100 80GB HBM3, 81559 MiB, cc 9\.0, driver nvidia 550\.127\.05, NUMA 0$/m,
    );
  });

  it('writes Markdown for a job summary, escaping pipes', () => {
    const nf = load('vm.json');
    const md = formatHardwareMarkdown(summarizeHardware(nf.spec.features, 'a|b', unavailableOf(nf)));
    expect(md.split('\n').slice(0, 3)).toEqual(['| | |', '| --- | --- |', '| Host | a\\|b |']);
    expect(md).toMatch(/\| Kernel \| 4\.18\.0-553\.el8_10\.x86_64 \|/);
    expect(md).toMatch(
      /\| Unavailable \| kernel\.loadedmodule: cannot read \/proc\/modules: not found \(ENOENT\) \|/,
    );
    expect(md).toMatch(/\| GPU \| none \|/);
  });

  it('copes with empty features', () => {
    const s = summarizeHardware({});
    expect(s.cpu.flagCount).toBe(0);
    expect(formatHardwareTable(s)).toMatch(/^CPU +unknown vendor, 0 cpuid flags$/m);
  });
});
