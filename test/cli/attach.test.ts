// `image-compat attach` as users run it (dist/cli.js, `npm run bundle` first) against a real
// docker-registry: --config, --sign with the cosign key checked by the real cosign
// (verify-attestation on the registry), keyless against a fake Fulcio/Rekor and a fake GitHub OIDC
// token endpoint, --output json, --dry-run, and failures that push nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import {
  createServer as createNetServer,
  type AddressInfo,
  type Server as NetServer,
  type Socket,
} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { COMPATIBILITY_PREDICATE_TYPE } from '../../src/sign/statement.js';
import {
  bundlesOf,
  COSIGN_PASSWORD,
  FIX,
  publicKey,
  repoOf,
  SIGN_FIX,
  verifyPushed,
} from '../commands/attach-helpers.js';
import { runCli } from '../helpers/cli.js';
import type { TestIndex, TestRegistry } from '../helpers/registry.js';
import { pushTestIndex, rawTags, startRegistry } from '../helpers/registry.js';
import { identityToken, startSigstoreMock, type SigstoreMock } from '../sign/sigstore-mock.js';

const COSIGN = path.resolve('.tools/bin/cosign');
const CONFIG = `${FIX}/attach-config.yaml`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const WORKFLOW = 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main';

interface JsonEntry {
  platform: string;
  subject: { reference: string; digest: string };
  artifact: { reference: string; digest: string };
  signature?: string;
}

let reg: TestRegistry;
let dockerConfig: string;
let n = 0;
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  DOCKER_CONFIG: dockerConfig,
  IMAGE_COMPAT_SETTLE_MS: '20',
  COSIGN_PASSWORD: '',
  ACTIONS_ID_TOKEN_REQUEST_URL: '',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: '',
  ...extra,
});

async function freshIndex(): Promise<{ image: string; name: string; index: TestIndex }> {
  const name = `cli-attach/app${n++}`;
  const index = await pushTestIndex(reg, name, 'v1', [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ]);
  return { image: `${reg.host}/${name}:v1`, name, index };
}

async function fallbackTags(name: string): Promise<string[]> {
  return (await rawTags(reg, name)).filter((t) => /^sha256-[a-f0-9]{64}$/.test(t));
}

beforeAll(async () => {
  reg = await startRegistry();
  dockerConfig = await mkdtemp(path.join(os.tmpdir(), 'ic-attach-docker-'));
});
afterAll(async () => reg?.stop());

describe('attach --config (CLI)', () => {
  it('attaches each platform its own spec and prints the compiler notes on stderr', async () => {
    const { image } = await freshIndex();
    const r = await runCli(
      ['attach', '--image', image, '--config', CONFIG, '--plain-http', '--output', 'json'],
      {
        env: env(),
      },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^note: rule 'amd64-gpu\/gpu-count' uses gpu.count: nfd compat validate-node cannot check it/m,
    );
    const out = JSON.parse(r.stdout) as JsonEntry[];
    expect(out.map((e) => e.platform)).toEqual(['linux/amd64', 'linux/arm64']);
    expect(out.every((e) => e.signature === undefined)).toBe(true);
  });

  it.each([
    [
      ['--spec', 'test/fixtures/oci/spec.yaml', '--config', CONFIG],
      /give exactly one of --spec FILE and --config FILE/,
    ],
    [[], /give exactly one of --spec FILE and --config FILE/],
    [['--config', CONFIG, '--key', `${SIGN_FIX}/cosign.key`], /--key and --key-env need --sign/],
    [
      ['--config', `${FIX}/attach-invalid.yaml`],
      /attach-invalid\.yaml:5:7: compatibilities\[0\]\.require\.kernal: unknown field "kernal" \(did you mean "kernel"\?\)/,
    ],
  ])('refuses %j with exit 2 and pushes nothing', async (args, message) => {
    const { image, name } = await freshIndex();
    const r = await runCli(['attach', '--image', image, ...args, '--plain-http'], { env: env() });
    expect(r.stderr).toMatch(message);
    expect(r.code).toBe(2);
    expect(await fallbackTags(name)).toEqual([]);
  });

  it('has help for the new flags', async () => {
    const r = await runCli(['attach', '--help']);
    expect(r.code).toBe(0);
    for (const flag of [
      '--config <file>',
      '--sign',
      '--key <file>',
      '--key-env <var>',
      '--dry-run',
      'IMAGE_COMPAT_FULCIO_URL',
    ])
      expect(r.stdout).toContain(flag);
  });
});

describe('attach --sign with the cosign key (CLI)', () => {
  it('pushes signatures that cosign verify-attestation accepts on the registry', async () => {
    const { image } = await freshIndex();
    const r = await runCli(
      [
        'attach',
        '--image',
        image,
        '--config',
        CONFIG,
        '--sign',
        '--key',
        `${SIGN_FIX}/cosign.key`,
        '--plain-http',
        '--output',
        'json',
      ],
      { env: env({ COSIGN_PASSWORD }) },
    );
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonEntry[];
    expect(out).toHaveLength(2);
    const repo = repoOf(image);
    for (const e of out) {
      expect(e.signature).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect((await bundlesOf(repo, e.artifact.digest)).map((b) => b.digest)).toEqual([e.signature]);
      if (!existsSync(COSIGN)) continue;
      const verify = (pub: string) =>
        spawnSync(
          COSIGN,
          [
            'verify-attestation',
            '--key',
            `${SIGN_FIX}/${pub}`,
            '--insecure-ignore-tlog=true',
            '--allow-insecure-registry',
            '--allow-http-registry',
            '--type',
            COMPATIBILITY_PREDICATE_TYPE,
            e.artifact.reference,
          ],
          { encoding: 'utf8', env: { ...process.env, DOCKER_CONFIG: dockerConfig }, timeout: 60_000 },
        );
      const ok = verify('cosign.pub');
      expect({ status: ok.status, stderr: ok.stderr }).toMatchObject({ status: 0 });
      // cosign prints the verified DSSE envelope: its payload is our statement about this artifact.
      const envelope = JSON.parse(ok.stdout.trim().split('\n')[0]!) as { payload: string };
      const statement = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as {
        predicateType: string;
        subject: Array<{ digest: { sha256: string } }>;
      };
      expect(statement.predicateType).toBe(COMPATIBILITY_PREDICATE_TYPE);
      expect(`sha256:${statement.subject[0]!.digest.sha256}`).toBe(e.artifact.digest);
      expect(verify('other-pub.pem').status).not.toBe(0);
    }
  });

  it('a wrong password pushes nothing (exit 2)', async () => {
    const { image, name } = await freshIndex();
    const r = await runCli(
      [
        'attach',
        '--image',
        image,
        '--config',
        CONFIG,
        '--sign',
        '--key',
        `${SIGN_FIX}/cosign.key`,
        '--plain-http',
      ],
      { env: env({ COSIGN_PASSWORD: 'wrong' }) },
    );
    expect(r.stderr).toMatch(/cannot decrypt the cosign key: wrong password/);
    expect(r.code).toBe(2);
    expect(await fallbackTags(name)).toEqual([]);
  });

  it('--dry-run prints what would be pushed and pushes nothing', async () => {
    const { image, name } = await freshIndex();
    const r = await runCli(
      [
        'attach',
        '--image',
        image,
        '--config',
        CONFIG,
        '--sign',
        '--key-env',
        'KEY',
        '--dry-run',
        '--plain-http',
      ],
      { env: env({ KEY: (await import('node:fs')).readFileSync(`${SIGN_FIX}/ec-sec1.pem`, 'utf8') }) },
    );
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/dry run: nothing was pushed/);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stdout).toMatch(
      /@sha256:[a-f0-9]{64}\tlinux\/amd64\t.*@sha256:[a-f0-9]{64}\tsha256:[a-f0-9]{64}/,
    );
    expect(await fallbackTags(name)).toEqual([]);
  });
});

describe('attach --sign keyless (CLI, fake GitHub OIDC, Fulcio and Rekor)', () => {
  let mock: SigstoreMock;
  let tokens: Server;
  let tokenURL: string;
  const seen: string[] = [];
  beforeAll(async () => {
    mock = await startSigstoreMock();
    tokens = createServer((req, res) => {
      seen.push(
        `${req.headers.authorization} ${new URL(req.url ?? '/', 'http://x').searchParams.get('audience')}`,
      );
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ value: identityToken({ iss: ISSUER, sub: WORKFLOW }) }));
    });
    await new Promise<void>((ok) => tokens.listen(0, '127.0.0.1', ok));
    tokenURL = `http://127.0.0.1:${(tokens.address() as AddressInfo).port}/token`;
  });
  afterAll(async () => {
    await mock?.close();
    await new Promise((ok) => tokens?.close(ok));
  });

  it('signs with a Fulcio certificate logged in Rekor; the identity policy verifies it', async () => {
    const { image } = await freshIndex();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ic-keyless-'));
    const event = path.join(dir, 'event.json');
    await writeFile(event, JSON.stringify({ repository: { visibility: 'public' } }));
    const r = await runCli(
      ['attach', '--image', image, '--config', CONFIG, '--sign', '--plain-http', '--output', 'json'],
      {
        env: env({
          ACTIONS_ID_TOKEN_REQUEST_URL: tokenURL,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
          GITHUB_EVENT_PATH: event,
          IMAGE_COMPAT_FULCIO_URL: mock.fulcioURL,
          IMAGE_COMPAT_REKOR_URL: mock.rekorURL,
        }),
      },
    );
    expect(r.stderr).not.toMatch(/image-compat:/);
    expect(r.code).toBe(0);
    expect(seen).toContain('Bearer request-token sigstore');
    const out = JSON.parse(r.stdout) as JsonEntry[];
    const repo = repoOf(image);
    for (const e of out) {
      const specBytes = await (async () => {
        const m = JSON.parse((await repo.getManifest(e.artifact.digest))!.bytes.toString()) as {
          layers: Array<{ mediaType: string; digest: string; size: number }>;
        };
        return repo.fetchBlob(m.layers[0]!, 1 << 20);
      })();
      const check = (identity: string) =>
        verifyPushed(repo, {
          signature: e.signature!,
          artifact: e.artifact.digest,
          subject: e.subject.digest,
          specBytes,
          policy: {
            certificateIdentity: identity,
            certificateOidcIssuer: ISSUER,
            trustedRoot: mock.trustedRoot,
          },
        });
      const good = await check(WORKFLOW);
      expect(good.result.ok).toBe(true);
      expect(good.predicate).toEqual({ ok: true });
      const bad = await check('https://github.com/evil/app/.github/workflows/x.yml@refs/heads/main');
      expect(bad.result).toMatchObject({ ok: false, reason: 'wrong-identity' });
    }
  });

  it('pushes nothing when Fulcio is down: a network error naming its URL (exit 3)', async () => {
    const { image, name } = await freshIndex();
    const r = await runCli(['attach', '--image', image, '--config', CONFIG, '--sign', '--plain-http'], {
      env: env({
        ACTIONS_ID_TOKEN_REQUEST_URL: tokenURL,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
        IMAGE_COMPAT_FULCIO_URL: 'http://127.0.0.1:9',
        IMAGE_COMPAT_REKOR_URL: mock.rekorURL,
      }),
    });
    expect(r.stderr).toMatch(/signing failed: cannot reach Fulcio at http:\/\/127\.0\.0\.1:9/);
    expect(r.code).toBe(3);
    expect(await fallbackTags(name)).toEqual([]);
  });

  it('without a key or an OIDC token, --sign is bad input', async () => {
    const { image } = await freshIndex();
    const r = await runCli(['attach', '--image', image, '--config', CONFIG, '--sign', '--plain-http'], {
      env: env(),
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/signing needs --key, --key-env, or a GitHub Actions OIDC token/);
    expect(publicKey('cosign.pub')).toMatch(/PUBLIC KEY/);
  });
});

// attach reads the image while it checks the input: a bad input cancels that read, so the process
// exits with the input's error at once, not when a registry that never answers times out.
describe('attach with a bad input and a registry that never answers', () => {
  let server: NetServer;
  let host = '';
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    server = createNetServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.resume(); // reads, never answers
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((r) => server.close(() => r()));
  });

  it.each([
    ['a spec that is not YAML', `${FIX}/bad-flow.yaml`, /bad-flow\.yaml:3:\d+: /],
    ['a spec file that is not there', `${FIX}/no-such-spec.yaml`, /no-such-spec\.yaml/],
  ])('%s: exit 2 with its error, at once', async (_name, spec, message) => {
    const started = Date.now();
    const r = await runCli(
      ['attach', '--image', `${host}/app/x:v1`, '--spec', spec, '--plain-http', '--timeout', '120'],
      { timeoutMs: 100_000 },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(Date.now() - started).toBeLessThan(30_000); // not the 120 s request timeout
  });
});
