// `image-compat features` through the built bundle (run `npm run bundle` first).
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { tree } from './helpers.js';

describe('image-compat features', () => {
  it('prints a NodeFeature as JSON by default', async () => {
    const r = await runCli(['features', '--host-root', tree('h100-server')]);
    expect(r.code).toBe(0);
    const nf = JSON.parse(r.stdout);
    expect(nf).toMatchObject({
      apiVersion: 'nfd.k8s-sigs.io/v1alpha1',
      kind: 'NodeFeature',
      metadata: { name: 'gpu-h100-01', labels: { 'nfd.node.kubernetes.io/node-name': 'gpu-h100-01' } },
    });
    expect(JSON.parse(nf.metadata.annotations['image-compat.dev/unavailable-sources'])).toEqual([
      { source: 'gpu.device (nvidia-smi)', reason: 'programs are not run against a host root' },
    ]);
    expect(nf.spec.features.attributes['kernel.version'].elements.full).toBe('5.15.0-125-generic');
    expect(r.stderr).toBe('');
  });

  it('takes the host root from IMAGE_COMPAT_HOST_ROOT, the flag winning', async () => {
    const env = await runCli(['features'], { env: { IMAGE_COMPAT_HOST_ROOT: tree('vm') } });
    expect(JSON.parse(env.stdout).metadata.name).toBe('runner-7f9c4');
    const both = await runCli(['features', '--host-root', tree('arm-server')], {
      env: { IMAGE_COMPAT_HOST_ROOT: tree('vm') },
    });
    expect(JSON.parse(both.stdout).metadata.name).toBe('arm-altra-01');
  });

  it('prints YAML', async () => {
    const r = await runCli(['features', '--host-root', tree('arm-server'), '--output', 'yaml']);
    expect(r.code).toBe(0);
    const nf = parse(r.stdout);
    expect(nf.kind).toBe('NodeFeature');
    expect(nf.spec.features.attributes['cpu.model'].elements.vendor_id).toBe('ARM');
  });

  it('prints a hardware table', async () => {
    const r = await runCli(['features', '--host-root', tree('h100-server'), '--output', 'table']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^CPU +Intel, family 6 model 143, x86-64-v4, 2 socket\(s\), SMT/m);
    expect(r.stdout).toMatch(/^GPU 1 +NVIDIA 2330, driver nvidia 550\.127\.05, NUMA 1$/m);
    expect(r.stdout).toMatch(/^NIC +ens1f0np0, up, 100000 Mb\/s, SR-IOV 2\/8 VFs$/m);
    expect(r.stdout).toMatch(/^RDMA +mlx5_1, Mellanox, InfiniBand, ACTIVE, 400 Gb\/s$/m);
  });

  it('collects this machine without a host root', async () => {
    const r = await runCli(['features']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).spec.features.attributes).toHaveProperty(['kernel.version']);
  });

  it.each([
    [['features', '--host-root', '/nonexistent/host'], /host root \/nonexistent\/host does not exist/],
    [['features', '--host-root', 'package.json'], /host root package.json is not a directory/],
    [['features', '--output', 'xml'], /argument 'xml' is invalid/],
  ])('exits 2 on bad input %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('has help', async () => {
    const r = await runCli(['features', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--host-root <dir>/);
    expect(r.stdout).toMatch(/--output <format>/);
    expect(r.stdout).toMatch(/image-compat\.dev\/unavailable-sources/);
  });
});
