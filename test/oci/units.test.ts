// Pure parts of the registry client: references, platforms, challenges, Docker config
// credentials, the artifact's bytes, NFD's newest-first order, and attach's spec check.
import { newestFirst } from '../../src/oci/created.js';
import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkSpecText } from '../../src/commands/attach.js';
import { InputError } from '../../src/errors.js';
import {
  credentialsFromDockerConfig,
  formatReference,
  packCompatibilityArtifact,
  parseChallenges,
  parsePlatform,
  parseReference,
  platformsMatch,
  isAttestationManifest,
  readCapped,
} from '../../src/oci/index.js';

const D = `sha256:${'a'.repeat(64)}`;

describe('parseReference', () => {
  it.each([
    ['nginx', 'docker.io', 'registry-1.docker.io', 'library/nginx', 'latest', undefined],
    ['docker.io/user/app:1.0', 'docker.io', 'registry-1.docker.io', 'user/app', '1.0', undefined],
    ['ghcr.io/org/app', 'ghcr.io', 'ghcr.io', 'org/app', 'latest', undefined],
    ['localhost/a/b:t', 'localhost', 'localhost', 'a/b', 't', undefined],
    ['127.0.0.1:5000/a/b/c:v1', '127.0.0.1:5000', '127.0.0.1:5000', 'a/b/c', 'v1', undefined],
    [`reg.example:443/app@${D}`, 'reg.example:443', 'reg.example:443', 'app', undefined, D],
    [`reg.example/app:v2@${D}`, 'reg.example', 'reg.example', 'app', 'v2', D],
    ['[::1]:5000/x', '[::1]:5000', '[::1]:5000', 'x', 'latest', undefined],
  ])('%s', (input, registry, apiHost, repository, tag, digest) => {
    const ref = parseReference(input);
    expect(ref).toEqual({
      registry,
      apiHost,
      repository,
      ...(tag !== undefined && { tag }),
      ...(digest !== undefined && { digest }),
    });
  });

  it.each([
    ['', /empty/],
    ['Reg.io/App', /must be lowercase/],
    ['reg.io/app:', /tag "" is not valid/],
    ['reg.io/app@sha256:abc', /digest "sha256:abc"/],
    ['https://reg.io/app', /leave out the scheme/],
    ['reg.io//app', /empty component/],
    ['reg.io/app:bad!tag', /tag "bad!tag"/],
    ['reg.io:99999/app', /port 99999/],
    ['reg.io/a b', /white space/],
    ['reg.io/', /repository path is missing/],
  ])('rejects %j', (input, message) => {
    expect(() => parseReference(input)).toThrow(InputError);
    expect(() => parseReference(input)).toThrow(message);
  });

  it('formats back', () => {
    expect(formatReference(parseReference('127.0.0.1:5000/a/b:v1'))).toBe('127.0.0.1:5000/a/b:v1');
  });
});

describe('platforms', () => {
  it.each([
    ['linux/arm64', { os: 'linux', architecture: 'arm64', variant: 'v8' }, true],
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64' }, true],
    ['linux/aarch64', { os: 'linux', architecture: 'arm64' }, true],
    ['linux/amd64', { os: 'linux', architecture: 'amd64', variant: 'v1' }, true],
    ['linux/x86_64', { os: 'linux', architecture: 'amd64' }, true],
    ['linux/arm', { os: 'linux', architecture: 'arm', variant: 'v7' }, true],
    ['linux/arm/v6', { os: 'linux', architecture: 'arm', variant: 'v7' }, false],
    ['linux/amd64', { os: 'linux', architecture: 'arm64' }, false],
    ['linux/amd64', { os: 'windows', architecture: 'amd64' }, false],
    ['linux/arm64/v9', { os: 'linux', architecture: 'arm64' }, false],
  ])('%s vs %j -> %s', (wanted, offered, expected) => {
    expect(platformsMatch(parsePlatform(wanted), offered)).toBe(expected);
  });

  it.each(['linux', 'linux/', '/amd64', 'a/b/c/d', 'linux/amd 64'])('rejects %j', (text) => {
    expect(() => parsePlatform(text)).toThrow(/invalid platform/);
  });

  it('knows BuildKit attestation manifests', () => {
    expect(
      isAttestationManifest({
        mediaType: 'x',
        digest: D,
        size: 1,
        platform: { os: 'unknown', architecture: 'unknown' },
      }),
    ).toBe(true);
    expect(
      isAttestationManifest({
        mediaType: 'x',
        digest: D,
        size: 1,
        annotations: { 'vnd.docker.reference.type': 'attestation-manifest' },
      }),
    ).toBe(true);
    expect(
      isAttestationManifest({
        mediaType: 'x',
        digest: D,
        size: 1,
        platform: { os: 'linux', architecture: 'amd64' },
      }),
    ).toBe(false);
  });
});

describe('parseChallenges', () => {
  it('reads Basic and Bearer challenges with quoted parameters', () => {
    expect(
      parseChallenges(
        'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push", Basic realm="r \\"x\\""',
      ),
    ).toEqual([
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.example/token',
          service: 'registry.example',
          scope: 'repository:a/b:pull,push',
        },
      },
      { scheme: 'basic', params: { realm: 'r "x"' } },
    ]);
    expect(parseChallenges('')).toEqual([]);
  });
});

describe("credentials from Docker's config", () => {
  it('finds auths by host, with or without scheme, and Docker Hub aliases', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-docker-'));
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hub:pw:with:colons') },
          '127.0.0.1:5000': { auth: b64('me:secret') },
          'http://reg.example': { username: 'u', password: 'p' },
        },
      }),
    );
    const env = { DOCKER_CONFIG: dir };
    expect(await credentialsFromDockerConfig('docker.io', env)).toEqual({
      username: 'hub',
      password: 'pw:with:colons',
    });
    expect(await credentialsFromDockerConfig('127.0.0.1:5000', env)).toEqual({
      username: 'me',
      password: 'secret',
    });
    expect(await credentialsFromDockerConfig('reg.example', env)).toEqual({ username: 'u', password: 'p' });
    expect(await credentialsFromDockerConfig('other.example', env)).toBeUndefined();
    expect(await credentialsFromDockerConfig('x', { DOCKER_CONFIG: path.join(dir, 'none') })).toBeUndefined();
    await writeFile(path.join(dir, 'config.json'), '{ not json');
    await expect(credentialsFromDockerConfig('x', env)).rejects.toThrow(
      /config.json: Docker's config file is not JSON/,
    );
  });
});

describe('the NFD artifact', () => {
  it('is packed as oras attach packs it', () => {
    const spec = Buffer.from('version: v1alpha1\ncompatibilities: []\n');
    const subject = { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: D, size: 555 };
    const packed = packCompatibilityArtifact({
      spec,
      subject,
      created: new Date('2026-11-22T11:26:05.123Z'),
      title: 'spec.yaml',
    });
    // The exact bytes oras 1.3 wrote for these inputs (checked against a real `oras attach`).
    expect(packed.manifest.toString()).toBe(
      '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","artifactType":"application/vnd.nfd.image-compatibility.v1alpha1","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2,"data":"e30="},"layers":[{"mediaType":"application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml","digest":"sha256:613108f294c14ba3679fa9bafbd6cbf14d06b2b65a1efe7cb23c9646d7d79680","size":38,"annotations":{"org.opencontainers.image.title":"spec.yaml"}}],"subject":{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"' +
        D +
        '","size":555},"annotations":{"org.opencontainers.image.created":"2026-11-22T11:26:05Z"}}',
    );
    expect(packed.descriptor).toMatchObject({
      artifactType: 'application/vnd.nfd.image-compatibility.v1alpha1',
      size: packed.manifest.byteLength,
      annotations: { 'org.opencontainers.image.created': '2026-11-22T11:26:05Z' },
    });
  });

  it('sorts as NFD does: no creation time first, ties keep index order', () => {
    const d = (n: number, created?: string) => ({
      mediaType: 'm',
      digest: `sha256:${String(n).repeat(64)}`,
      size: n,
      ...(created !== undefined && { annotations: { 'org.opencontainers.image.created': created } }),
    });
    // Oldest first: NFD's order (src/oci/created.ts, the one definition) read backwards.
    const sorted = newestFirst([
      d(1, '2026-01-02T00:00:00Z'),
      d(2),
      d(3, '2026-01-01T00:00:00+01:00'),
      d(4, 'yesterday'),
      d(5, '2026-01-02T00:00:00Z'),
    ]).reverse();
    expect(sorted.map((x) => x.size)).toEqual([2, 4, 3, 1, 5]);
  });
});

describe('attach checks specs with the spec parser (checkSpecText)', () => {
  it.each([
    ['version: v1alpha1\ncompatibilities:\n- rules: []\n', undefined],
    ['compatibilities:\n- rules: []\n', /^spec.yaml:1:1: missing required field "version"/],
    [
      'version: v2\ncompatibilities:\n- rules: []\n',
      /^spec.yaml:1:10: version: must be "v1alpha1"; got "v2"/,
    ],
    [
      'version: v1alpha1\ncompatibilities: []\n',
      /^spec.yaml:2:18: compatibilities: must NOT have fewer than 1 items/,
    ],
    ['version: v1alpha1\ncompatibilities: [\n', /^spec.yaml:\d+:\d+: .*Flow sequence/],
    ['- a\n- b\n', /^spec.yaml:1:1: expected object, got a list/],
  ])('%j', (text, error) => {
    if (error === undefined) expect(checkSpecText(text, 'spec.yaml').spec.version).toBe('v1alpha1');
    else expect(() => checkSpecText(text, 'spec.yaml')).toThrow(error);
  });
});

describe('readCapped', () => {
  const big = Buffer.alloc(5 * 1024 * 1024, 1);
  it('refuses a body whose declared length is over the cap', async () => {
    const res = new Response(big, { headers: { 'Content-Length': String(big.length) } });
    await expect(readCapped(res, 4 * 1024 * 1024, 'manifest x')).rejects.toThrow(
      /manifest x: 5242880 bytes is over the limit of 4194304/,
    );
  });
  it('refuses a streamed body that grows over the cap', async () => {
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(1024 * 1024));
        c.close();
      },
    });
    await expect(readCapped(new Response(stream), 4 * 1024 * 1024, 'manifest y')).rejects.toThrow(
      /over the limit/,
    );
    expect((await readCapped(new Response('small'), 10, 'z')).toString()).toBe('small');
  });
});
