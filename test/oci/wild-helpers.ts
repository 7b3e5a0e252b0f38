// Shared by the *-wild tests: a tiny image pushed through the client under test (so it works
// behind bearer tokens and TLS), spec files, an empty Docker config folder, and oras (what NFD and
// oras users read of the fallback tag).
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { RegistryOptions } from '../../src/oci/index.js';
import { MediaType, openRepository, parseReference } from '../../src/oci/index.js';
import type { Descriptor } from '../../src/oci/index.js';

/** Pushes a one-layer linux/amd64 image as `ref` (host/name:tag) and returns its descriptor. */
export async function pushImage(ref: string, opts: RegistryOptions): Promise<Descriptor> {
  const reference = parseReference(ref);
  const repo = openRepository(reference, opts);
  const config = Buffer.from(
    JSON.stringify({ os: 'linux', architecture: 'amd64', rootfs: { type: 'layers', diff_ids: [] } }),
  );
  const layer = Buffer.from(`layer of ${ref}`);
  const c = await repo.pushBlob(config, MediaType.ociConfig);
  const l = await repo.pushBlob(layer, 'application/vnd.oci.image.layer.v1.tar');
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, mediaType: MediaType.ociManifest, config: c, layers: [l] }),
  );
  const put = await repo.putManifest(reference.tag ?? 'latest', manifest, MediaType.ociManifest);
  return put.descriptor;
}

export interface Scratch {
  dir: string;
  /** A folder for DOCKER_CONFIG with no config.json. */
  emptyDockerConfig: string;
  spec: string;
  /** A spec over 16 KiB (comments), for uploads dropped after some bytes. */
  bigSpec: string;
}

export const SPEC_TEXT = 'version: v1alpha1\ncompatibilities:\n- description: wild\n  rules: []\n';

export async function scratch(): Promise<Scratch> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-wild-'));
  const emptyDockerConfig = path.join(dir, 'docker-empty');
  await mkdir(emptyDockerConfig);
  const spec = path.join(dir, 'spec.yaml');
  await writeFile(spec, SPEC_TEXT);
  const bigSpec = path.join(dir, 'big.yaml');
  await writeFile(
    bigSpec,
    `${'# padding padding padding padding padding padding\n'.repeat(400)}${SPEC_TEXT}`,
  );
  return { dir, emptyDockerConfig, spec, bigSpec };
}

/** An environment with no auth files: credentials come only from what a test adds. */
export function bareEnv(s: Scratch, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DOCKER_CONFIG: s.emptyDockerConfig,
    HOME: s.dir,
    ...extra,
  };
  delete env.REGISTRY_AUTH_FILE;
  delete env.XDG_RUNTIME_DIR;
  delete env.IMAGE_COMPAT_USERNAME;
  delete env.IMAGE_COMPAT_PASSWORD;
  for (const [k, v] of Object.entries(extra)) env[k] = v;
  return env;
}

const ORAS_BIN = path.resolve('.tools/bin/oras');

/** Runs .tools/bin/oras with a throwaway HOME; its stdout. */
export async function oras(args: string[], cwd?: string): Promise<string> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'ic-oras-home-'));
  try {
    const { stdout } = await promisify(execFile)(ORAS_BIN, args, {
      cwd,
      env: { ...process.env, HOME: home, DOCKER_CONFIG: home },
    });
    return stdout;
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** What `oras discover` lists for `image` (NFD's artifactType): the digests, as oras (and NFD) read the fallback tag. */
export async function orasDiscover(image: string): Promise<string[]> {
  const out = await oras([
    'discover',
    '--plain-http',
    '--format',
    'json',
    '--artifact-type',
    'application/vnd.nfd.image-compatibility.v1alpha1',
    image,
  ]);
  return ((JSON.parse(out) as { referrers?: Array<{ digest: string }> }).referrers ?? []).map(
    (r) => r.digest,
  );
}

/** `count` spec files with distinct descriptions (distinct artifacts), in `dir`. */
export async function distinctSpecs(dir: string, count: number, label = 'writer'): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const file = path.join(dir, `${label}-${i}.yaml`);
      await writeFile(
        file,
        `version: v1alpha1\ncompatibilities:\n- description: ${label} ${i}\n  rules: []\n`,
      );
      return file;
    }),
  );
}
