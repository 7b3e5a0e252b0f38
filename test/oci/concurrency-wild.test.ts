// Concurrent `attach` processes on one subject against docker-registry 2.8 and go-containerregistry's
// `crane registry serve` (neither has the referrers API nor honours If-Match: the fallback tag is
// last-writer-wins): none is lost, as `oras discover` (what NFD and
// oras users read) sees it once every writer has exited. With 503 + Retry-After injected on index
// PUTs by the faulty proxy; with the CPU loaded (3 busy loops, bounded in time); and with `oras
// attach` writing at the same time (oras overwrites the index from its own read, here 2 s old;
// one oras writer keeps going until the last of ours has exited): then one `image-compat
// discover` puts every image-compat entry back. Modest by default (the suite runs on
// 2 shared cores); the big runs: IMAGE_COMPAT_STRESS=16,32,64 (writer counts) runs each scenario
// at each count and prints the figures.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fallbackTag } from '../../src/oci/index.js';
import { runCli } from '../helpers/cli.js';
import type { FaultyProxy } from '../helpers/faulty-proxy.js';
import { startFaultyProxy } from '../helpers/faulty-proxy.js';
import type { TestRegistry } from '../helpers/registry.js';
import { startCraneRegistry } from '../helpers/crane-registry.js';
import { pushTestImage, startRegistry } from '../helpers/registry.js';
import { distinctSpecs, oras, orasDiscover } from './wild-helpers.js';

const STRESS = (process.env.IMAGE_COMPAT_STRESS ?? '')
  .split(',')
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const COUNTS = STRESS.length ? STRESS : [4];
const SPEC_TYPE = 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml';
const ARTIFACT_TYPE = 'application/vnd.nfd.image-compatibility.v1alpha1';

/** Three busy loops that end by themselves after `ms` (or when stopped). */
function loadCpu(ms: number): { stop(): void } {
  const loops: ChildProcess[] = Array.from({ length: 3 }, () =>
    spawn(process.execPath, ['-e', `const end = Date.now() + ${ms}; while (Date.now() < end);`], {
      stdio: 'ignore',
    }),
  );
  return { stop: () => loops.forEach((c) => c.kill('SIGKILL')) };
}

const REGISTRIES: Array<[string, () => Promise<TestRegistry>]> = [
  ['docker-registry 2.8', () => startRegistry()],
  ['crane registry serve', startCraneRegistry],
];

describe.each(REGISTRIES)('concurrent attaches on one subject (%s)', (kind, start) => {
  let reg: TestRegistry;
  let proxy: FaultyProxy;
  let dir: string;
  let n = 0;

  beforeAll(async () => {
    reg = await start();
    proxy = await startFaultyProxy({ upstream: reg.url });
    dir = await mkdtemp(path.join(os.tmpdir(), 'ic-concurrency-'));
  });
  afterAll(async () => {
    await proxy?.stop();
    await reg?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** N image-compat attach processes through the proxy; their exit codes and artifact digests. */
  async function attachAll(repo: string, writers: number) {
    const specs = await distinctSpecs(dir, writers, `${repo.replace('/', '-')}-${n++}`);
    const image = `${proxy.host}/${repo}:v1`;
    const results = await Promise.all(
      specs.map(async (spec) => {
        const began = Date.now();
        const r = await runCli(
          ['attach', '--image', image, '--spec', spec, '--plain-http', '--output', 'json'],
          {
            timeoutMs: 600_000,
          },
        );
        return { ...r, ms: Date.now() - began };
      }),
    );
    return results.map((r) => ({
      code: r.code,
      // A writer ended by a signal (runCli's timeout, the OOM killer) has a null code and no stderr.
      failure: `exit ${r.code ?? `by ${r.signal}`} after ${r.ms} ms: ${r.stderr.slice(0, 400)}`,
      stderr: r.stderr,
      ms: r.ms,
      digest:
        r.code === 0
          ? (JSON.parse(r.stdout) as Array<{ artifact: { digest: string } }>)[0]!.artifact.digest
          : '',
    }));
  }

  async function scenario(
    name: string,
    writers: number,
    setup: (subject: string) => () => void = () => () => undefined,
  ) {
    const repo = `c/${name}-${writers}`;
    const subject = await pushTestImage(reg, repo, 'v1');
    proxy.reset();
    const teardown = setup(subject.digest);
    const started = Date.now();
    let results;
    try {
      results = await attachAll(repo, writers);
    } finally {
      teardown();
    }
    const listed = new Set(await orasDiscover(`${reg.host}/${repo}:v1`));
    const lost = results.filter((r) => r.code === 0 && !listed.has(r.digest)).length;
    const failed = results.filter((r) => r.code !== 0);
    console.log(
      `${kind}, ${name}: ${writers} concurrent attaches, ${lost} lost, ${failed.length} failed, ${Date.now() - started} ms (slowest writer ${Math.max(...results.map((r) => r.ms))} ms)`,
      ...failed.map((r) => `\n  ${r.failure}`),
    );
    expect(failed.map((r) => r.failure)).toEqual([]);
    expect(lost).toBe(0);
    expect(listed.size).toBe(writers);
  }

  it.each(COUNTS)('%i writers: none lost', (writers) => scenario('plain', writers), 900_000);

  it.each(COUNTS)(
    '%i writers, 503 + Retry-After: 1 on half the index PUTs: none lost',
    (writers) =>
      scenario('retry-after', writers, (subject) => {
        proxy.inject({
          method: 'PUT',
          path: new RegExp(`/manifests/${fallbackTag(subject)}$`),
          times: Math.ceil(writers / 2),
          fault: { type: 'status', status: 503, headers: { 'Retry-After': '1' } },
        });
        return () => undefined;
      }),
    900_000,
  );

  it("A's first index PUT answered 503 + Retry-After: 6 while B attaches and finishes: both kept, both exit 0", async () => {
    const repo = 'c/first-put-503';
    const subject = await pushTestImage(reg, repo, 'v1');
    proxy.reset();
    const rule = proxy.inject({
      method: 'PUT',
      path: new RegExp(`/manifests/${fallbackTag(subject.digest)}$`),
      times: 1,
      fault: { type: 'status', status: 503, headers: { 'Retry-After': '6' } },
    });
    const [specA, specB] = await distinctSpecs(dir, 2, `first-put-503-${n++}`);
    const cli = (spec: string) =>
      runCli([
        'attach',
        '--image',
        `${proxy.host}/${repo}:v1`,
        '--spec',
        spec,
        '--plain-http',
        '--output',
        'json',
      ]);
    const started = Date.now();
    const a = cli(specA!);
    while (rule.hits === 0) await new Promise((r) => setTimeout(r, 20));
    const b = await cli(specB!);
    const bMs = Date.now() - started;
    const aDone = await a;
    const aMs = Date.now() - started;
    console.log(
      `${kind}, first index PUT 503 + Retry-After: 6: B exit ${b.code} at ${bMs} ms, A exit ${aDone.code} at ${aMs} ms`,
    );
    expect([aDone.code, b.code, aDone.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(bMs).toBeLessThan(aMs); // B finished while A waited
    expect(aMs).toBeGreaterThanOrEqual(6000); // A waited what the registry asked
    const digests = [aDone, b].map(
      (r) => (JSON.parse(r.stdout) as Array<{ artifact: { digest: string } }>)[0]!.artifact.digest,
    );
    expect((await orasDiscover(`${reg.host}/${repo}:v1`)).sort()).toEqual(digests.sort());
  }, 120_000);

  // Only in the stress runs: three busy loops on 2 shared cores slow the rest of the suite too.
  (STRESS.length ? it.each(COUNTS) : it.skip.each(COUNTS))(
    '%i writers with the CPU loaded (3 busy loops): none lost',
    (writers) =>
      scenario('cpu', writers, () => {
        const load = loadCpu(300_000);
        return () => load.stop();
      }),
    900_000,
  );

  it.each(COUNTS)(
    '%i image-compat and as many oras writers at once: one discover puts every image-compat entry back',
    async (writers) => {
      const repo = `c/oras-${writers}`;
      const subject = await pushTestImage(reg, repo, 'v1');
      proxy.reset();
      // oras writes through a proxy of its own that holds each index PUT 2 s (a slow link): its
      // write lands well after its read, as our writers' did under load, so it drops entries.
      const slow = await startFaultyProxy({ upstream: reg.url });
      slow.inject({
        method: 'PUT',
        path: new RegExp(`/manifests/${fallbackTag(subject.digest)}$`),
        times: Infinity,
        fault: { type: 'delay', ms: 2000 },
      });
      const orasDir = await mkdtemp(path.join(dir, 'oras-'));
      const orasSpecs = await distinctSpecs(orasDir, writers, 'oras');
      const orasAttach = (spec: string) =>
        oras(
          [
            'attach',
            '--plain-http',
            '--artifact-type',
            ARTIFACT_TYPE,
            `${slow.host}/${repo}:v1`,
            `${path.basename(spec)}:${SPEC_TYPE}`,
          ],
          orasDir,
        ).catch(() => '');
      // Besides the burst, one oras writer keeps attaching until the last image-compat writer has
      // exited, so an oras write read before and landing after their last checks is likely: the
      // discover below then has entries to put back.
      let oursDone = false;
      let straggler = 0;
      const started = Date.now();
      const [ours] = await Promise.all([
        attachAll(repo, writers).finally(() => (oursDone = true)),
        Promise.all(orasSpecs.map(orasAttach)),
        (async () => {
          for (; !oursDone; straggler++) await orasAttach(orasSpecs[straggler % writers]!);
        })(),
      ]).finally(() => slow.stop());
      const failed = ours.filter((r) => r.code !== 0);
      expect(failed.map((r) => r.failure)).toEqual([]);
      const before = new Set(await orasDiscover(`${reg.host}/${repo}:v1`));
      const lostBefore = ours.filter((r) => !before.has(r.digest)).length;
      const found = await runCli(['discover', '--image', `${proxy.host}/${repo}:v1`, '--plain-http'], {});
      expect(found.code).toBe(0);
      const after = new Set(await orasDiscover(`${reg.host}/${repo}:v1`));
      const lostAfter = ours.filter((r) => !after.has(r.digest)).length;
      console.log(
        `${kind}, oras: ${writers} image-compat + ${writers} oras attaches (+ ${straggler} by the straggler): ${lostBefore} image-compat entries missing before one discover, ${lostAfter} after, ${failed.length} failed, ${Date.now() - started} ms (slowest writer ${Math.max(...ours.map((r) => r.ms))} ms)`,
      );
      expect(lostAfter).toBe(0);
    },
    900_000,
  );
});
