// The setup action as the runner runs it (dist/setup.js): `image-compat` on PATH for later run
// steps through the runner's GITHUB_PATH file, the CLI kept in the tool cache by version, and a
// second job on the same runner finding the cached copy.
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { arch, tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../helpers/action.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const root = mkdtempSync(path.join(tmpdir(), 'ic-setup-'));
const toolCache = path.join(root, 'tool-cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One job on the runner: its own RUNNER_TEMP and GITHUB_PATH, the runner's shared tool cache. */
async function job(name: string) {
  const temp = path.join(root, name, 'temp');
  mkdirSync(temp, { recursive: true });
  const githubPath = path.join(root, name, 'path');
  writeFileSync(githubPath, '');
  const run = await runAction('setup', {
    env: { RUNNER_TOOL_CACHE: toolCache, RUNNER_TEMP: temp, GITHUB_PATH: githubPath },
  });
  const added = readFileSync(githubPath, 'utf8').split('\n').filter(Boolean);
  return { run, added };
}

/** A later `run: image-compat ...` step: PATH as the runner sets it, with the added folders first. */
function step(added: string[], args: string[]): string {
  return execFileSync('image-compat', args, {
    encoding: 'utf8',
    env: { PATH: [...added, '/usr/bin', '/bin'].join(path.delimiter), HOME: root },
  });
}

describe('setup action', () => {
  it('puts the bundled CLI on PATH, cached by version, run by the Node that ran the action', async () => {
    const { run, added } = await job('first');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ version, 'cache-hit': 'false' });
    expect(added).toHaveLength(1);
    expect(step(added, ['--version']).trim()).toBe(version);
    const cached = path.join(toolCache, 'image-compat', version, arch());
    expect(existsSync(path.join(cached, 'cli.js'))).toBe(true);
    expect(existsSync(`${cached}.complete`)).toBe(true);
    const launcher = readFileSync(path.join(added[0]!, 'image-compat'), 'utf8');
    expect(launcher).toContain(`exec '${process.execPath}' '${path.join(cached, 'cli.js')}' "$@"`);
    // A real command, not only --version: the cached bundle has what it needs.
    const spec = step(added, [
      'generate',
      '--config',
      'examples/config/image-compat.yaml',
      '--platform',
      'linux/amd64',
    ]);
    expect(spec).toMatch(/^version: v1alpha1$/m);
  });

  it('a second job on the same runner finds the cached copy', async () => {
    const { run, added } = await job('second');
    expect(run.code).toBe(0);
    expect(run.outputs['cache-hit']).toBe('true');
    expect(run.stdout).toContain('from the tool cache');
    expect(step(added, ['--version']).trim()).toBe(version);
  });
});
