// TLS with a private CA, through the CLI against docker-registry serving a certificate from a
// throwaway CA: --ca-file trusts it, without it the error says what to do, --insecure skips
// verification only when given.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import type { SecureRegistry } from '../helpers/secure-registry.js';
import { startSecureRegistry } from '../helpers/secure-registry.js';
import type { TestCa } from '../helpers/tls.js';
import { createTestCa } from '../helpers/tls.js';
import { tlsSettings } from '../../src/oci/index.js';
import type { Scratch } from './wild-helpers.js';
import { bareEnv, pushImage, scratch } from './wild-helpers.js';

describe('docker-registry over TLS with a private CA', () => {
  let ca: TestCa;
  let registry: SecureRegistry;
  let s: Scratch;
  let image: string;

  beforeAll(async () => {
    s = await scratch();
    ca = await createTestCa();
    registry = await startSecureRegistry({
      tls: { certPath: ca.server.certPath, keyPath: ca.server.keyPath },
    });
    image = `${registry.host}/tls/app:v1`;
    const tls = await tlsSettings({ caFile: ca.certPath });
    await pushImage(image, { env: bareEnv(s), ...(tls && { tls }) });
  });
  afterAll(async () => {
    await registry?.cleanup();
    await ca?.cleanup();
    if (s) await rm(s.dir, { recursive: true, force: true });
  });

  it('works with --ca-file', async () => {
    const r = await runCli(['attach', '--image', image, '--spec', s.spec, '--ca-file', ca.certPath], {
      env: bareEnv(s),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const d = await runCli(['discover', '--image', image, '--ca-file', ca.certPath], { env: bareEnv(s) });
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/^DIGEST/);
  });

  it('fails without it (exit 3, naming the fix), and works with --insecure', async () => {
    const r = await runCli(['discover', '--image', image, '--retries', '0'], { env: bareEnv(s) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot reach registry .*(certificate|UNABLE_TO_VERIFY).*--ca-file/);
    const insecure = await runCli(['discover', '--image', image, '--insecure'], { env: bareEnv(s) });
    expect(insecure.code).toBe(0);
  });

  it('refuses a CA file that holds no certificate (exit 2)', async () => {
    const r = await runCli(['discover', '--image', image, '--ca-file', s.spec], { env: bareEnv(s) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/spec\.yaml: the CA file holds no PEM certificate/);
  });
});
