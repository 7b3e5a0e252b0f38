// docker-credential-test follows the docker-credential-helpers protocol when run as a program.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credHelperCalls, credHelperEnv, writeCredStore } from '../helpers/cred-helper/cred-helper.js';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

// Runs the helper by name through PATH, as a registry client does.
function helper(env: NodeJS.ProcessEnv, action: string, input = ''): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker-credential-test', [action], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    // The helper may exit before reading stdin (a usage error): ignore EPIPE.
    child.stdin.on('error', () => undefined);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('docker-credential-test', () => {
  let dir: string;
  let store: string;
  let log: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'image-compat-cred-'));
    store = path.join(dir, 'store.json');
    log = path.join(dir, 'calls.log');
    env = credHelperEnv(store, log);
    await writeCredStore(store, {
      '127.0.0.1:5000': { Username: 'alice', Secret: 'pa"ss\\word' },
      'ghcr.example': { Username: '<token>', Secret: 'identity-1' },
    });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('gets credentials for a host read from stdin', async () => {
    const res = await helper(env, 'get', '127.0.0.1:5000\n');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toEqual({
      ServerURL: '127.0.0.1:5000',
      Username: 'alice',
      Secret: 'pa"ss\\word',
    });
    const token = await helper(env, 'get', 'ghcr.example');
    expect(JSON.parse(token.stdout)).toMatchObject({ Username: '<token>', Secret: 'identity-1' });
  });

  it('exits 1 with the native-keychain message for an unknown host', async () => {
    const res = await helper(env, 'get', 'https://127.0.0.1:5000\n');
    expect(res).toMatchObject({ code: 1, stdout: 'credentials not found in native keychain\n' });
  });

  it('stores, lists and erases; the store stays valid JSON', async () => {
    const stored = await helper(
      env,
      'store',
      JSON.stringify({ ServerURL: 'new.example', Username: 'bob', Secret: 's' }),
    );
    expect(stored.code).toBe(0);
    const replaced = await helper(
      env,
      'store',
      JSON.stringify({ ServerURL: 'new.example', Username: 'bob2', Secret: 't' }),
    );
    expect(replaced.code).toBe(0);
    expect(JSON.parse(await readFile(store, 'utf8'))).toMatchObject({
      'new.example': { Username: 'bob2', Secret: 't' },
      '127.0.0.1:5000': { Username: 'alice' },
    });
    const list = await helper(env, 'list');
    expect(JSON.parse(list.stdout)).toEqual({
      '127.0.0.1:5000': 'alice',
      'ghcr.example': '<token>',
      'new.example': 'bob2',
    });
    expect((await helper(env, 'erase', 'new.example\n')).code).toBe(0);
    expect(await helper(env, 'erase', 'new.example\n')).toMatchObject({
      code: 1,
      stdout: 'credentials not found in native keychain\n',
    });
    expect((await helper(env, 'get', 'new.example')).code).toBe(1);
    expect(Object.keys(JSON.parse(await readFile(store, 'utf8')) as object)).toEqual([
      '127.0.0.1:5000',
      'ghcr.example',
    ]);
  });

  it('logs each call with its host and never a secret', async () => {
    const calls = await credHelperCalls(log);
    expect(calls).toContain('get 127.0.0.1:5000');
    expect(calls).toContain('erase new.example');
    expect(calls.join('\n')).not.toMatch(/pa"ss|identity-1/);
  });

  it('refuses to run without a store and on an unknown action', async () => {
    const noStore = { ...env, DOCKER_CREDENTIAL_TEST_STORE: '' };
    expect((await helper(noStore, 'get', 'x')).code).toBe(1);
    expect((await helper(env, 'frobnicate')).code).toBe(1);
  });
});
