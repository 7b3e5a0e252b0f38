// Interop with the real oras CLI (.tools/bin/oras) on docker-registry, both ways: oras discover
// and oras pull see what we attach (NFD's artifactType, the same bytes); what `oras attach` attaches
// as NFD's docs say, we discover and fetch. Both writers share one fallback index.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { attach } from '../../src/commands/attach.js';
import { discover } from '../../src/commands/discover.js';
import {
  COMPATIBILITY_ARTIFACT_TYPE,
  COMPATIBILITY_SPEC_MEDIA_TYPE,
  fetchNewestCompatibilitySpec,
} from '../../src/oci/index.js';
import type { TestRegistry } from '../helpers/registry.js';
import { pushTestImage, pushTestIndex, rawManifest, startRegistry } from '../helpers/registry.js';

const ORAS = path.resolve('.tools/bin/oras');
const run = promisify(execFile);
const SPEC = 'test/fixtures/oci/spec.yaml';

async function oras(args: string[], cwd?: string): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-home-'));
  const { stdout } = await run(ORAS, args, { cwd, env: { ...process.env, HOME: home, DOCKER_CONFIG: home } });
  return stdout;
}

describe('interop with oras', () => {
  let reg: TestRegistry;

  beforeAll(async () => {
    const version = await oras(['version']);
    console.log(`oras under test:\n${version}`);
    reg = await startRegistry();
  });
  afterAll(async () => reg?.stop());

  it('oras discover and oras pull see what we attach', async () => {
    await pushTestImage(reg, 'interop/ours', 'v1');
    const image = `${reg.host}/interop/ours:v1`;
    const [ours] = await attach({ image, specFile: SPEC, plainHttp: true });
    const listed = JSON.parse(
      await oras([
        'discover',
        '--plain-http',
        '--format',
        'json',
        '--artifact-type',
        COMPATIBILITY_ARTIFACT_TYPE,
        image,
      ]),
    ) as { referrers: Array<{ digest: string; artifactType: string; annotations: Record<string, string> }> };
    expect(listed.referrers).toHaveLength(1);
    expect(listed.referrers[0]).toMatchObject({
      digest: ours?.artifactDescriptor.digest,
      artifactType: COMPATIBILITY_ARTIFACT_TYPE,
      annotations: ours?.artifactDescriptor.annotations,
    });
    const out = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-pull-'));
    await oras([
      'pull',
      '--plain-http',
      '-o',
      out,
      `${reg.host}/interop/ours@${ours?.artifactDescriptor.digest}`,
    ]);
    expect(await readFile(path.join(out, 'spec.yaml'))).toEqual(await readFile(SPEC));
  });

  it('we discover and fetch what oras attach attaches, and share its fallback index', async () => {
    await pushTestImage(reg, 'interop/theirs', 'v1');
    const image = `${reg.host}/interop/theirs:v1`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-attach-'));
    const text = 'version: v1alpha1\ncompatibilities:\n- description: from oras\n  rules: []\n';
    await writeFile(path.join(dir, 'spec.yaml'), text);
    const attached = await oras(
      [
        'attach',
        '--plain-http',
        '--artifact-type',
        COMPATIBILITY_ARTIFACT_TYPE,
        image,
        `spec.yaml:${COMPATIBILITY_SPEC_MEDIA_TYPE}`,
        '--format',
        'json',
      ],
      dir,
    );
    const theirs = JSON.parse(attached) as { digest: string };
    const newest = await fetchNewestCompatibilitySpec(image, { plainHttp: true });
    expect(newest.artifact.digest).toBe(theirs.digest);
    expect(newest.specBytes.toString()).toBe(text);
    expect(newest.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    // Ours after theirs: both stay in the index, and ours is newest.
    const [ours] = await attach({
      image,
      specFile: SPEC,
      plainHttp: true,
      now: () => new Date(Date.now() + 2000),
    });
    const listed = await discover({ image, plainHttp: true });
    expect(listed.artifacts.map((a) => a.digest)).toEqual([ours?.artifactDescriptor.digest, theirs.digest]);
    const orasSees = JSON.parse(await oras(['discover', '--plain-http', '--format', 'json', image])) as {
      referrers: Array<{ digest: string }>;
    };
    expect(orasSees.referrers.map((r) => r.digest).sort()).toEqual(
      listed.artifacts.map((a) => a.digest).sort(),
    );

    // Our manifest differs from oras's only where the inputs differ (spec, time).
    const a = JSON.parse((await rawManifest(reg, 'interop/theirs', theirs.digest)).body);
    const b = JSON.parse(
      (await rawManifest(reg, 'interop/theirs', ours?.artifactDescriptor.digest as string)).body,
    );
    const shape = (m: typeof a) => ({
      ...m,
      layers: m.layers.map((l: { digest: string; size: number }) => ({ ...l, digest: '-', size: 0 })),
      annotations: Object.keys(m.annotations),
    });
    expect(JSON.stringify(shape(b))).toBe(JSON.stringify(shape(a)));
  });

  it('oras attach to one platform of an index is found for that platform only', async () => {
    const idx = await pushTestIndex(reg, 'interop/multi', 'v1', [
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64' },
    ]);
    const image = `${reg.host}/interop/multi:v1`;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-attach-'));
    await writeFile(path.join(dir, 'spec.yaml'), await readFile(SPEC));
    await oras(
      [
        'attach',
        '--plain-http',
        '--platform',
        'linux/arm64',
        '--artifact-type',
        COMPATIBILITY_ARTIFACT_TYPE,
        image,
        `spec.yaml:${COMPATIBILITY_SPEC_MEDIA_TYPE}`,
      ],
      dir,
    );
    const arm = await fetchNewestCompatibilitySpec(image, { plainHttp: true, platform: 'linux/arm64/v8' });
    expect(arm.subject.digest).toBe(idx.platforms[1]?.digest);
    await expect(
      fetchNewestCompatibilitySpec(image, { plainHttp: true, platform: 'linux/amd64' }),
    ).rejects.toThrow(/has no compatibility artifact/);
  });
});
