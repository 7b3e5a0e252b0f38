// `image-compat check` as users run it (the built bundle): fixture repositories with a base and a
// head commit, a pull_request event payload, lint annotations on the right lines, the requirement
// table, the hosts newly excluded or admitted, and the exit codes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { config, fixtureRepo, FLEET, fleetDir, pullRequestEvent, type FixtureRepo } from './repo.js';

const CONFIG = '.github/image-compat.yaml';
const SPEC = 'test/fixtures/check/specs/cpu-vendor.yaml';
const fleet = fleetDir();
const repos: FixtureRepo[] = [];
const temp = mkdtempSync(path.join(tmpdir(), 'ic-check-cli-'));
afterAll(() => {
  for (const r of repos) r.remove();
  rmSync(fleet, { recursive: true, force: true });
  rmSync(temp, { recursive: true, force: true });
});

function repo(base: Record<string, string>, head: Record<string, string | null>): FixtureRepo {
  const r = fixtureRepo(base, head);
  repos.push(r);
  return r;
}

const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

interface CheckJson {
  lint: { errors: number; warnings: number; files: Array<{ file: string; diagnostics: unknown[] }> };
  compared: boolean;
  changes: Array<{ platform: string; set: string; key: string; change: string }>;
  excluded?: string[];
  admitted?: string[];
  notes: string[];
}

describe('image-compat check', () => {
  let driver: FixtureRepo;
  beforeAll(() => {
    driver = repo({ [CONFIG]: config('base') }, { [CONFIG]: config('driver-535') });
  });

  it('compares with the config at the base ref and names the newly excluded host', async () => {
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--output', 'json'], {
      cwd: driver.dir,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.changes).toEqual([
      expect.objectContaining({
        platform: 'linux/amd64',
        set: 'gpu',
        key: 'driver_version',
        change: 'tightened',
      }),
    ]);
    expect(out.excluded).toEqual([FLEET.a100_525]);
    expect(out.admitted).toEqual([]);
  });

  it('exits 1 with --fail-on-exclusion, and prints a readable text report', async () => {
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--fail-on-exclusion'], {
      cwd: driver.dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'gpu.device driver_version: tightened >= 525.0 (version) -> >= 535.0 (version)',
    );
    expect(r.stdout).toMatch(/a100-focal \(amd64\): admitted \(gpu\) -> excluded {2}NEWLY EXCLUDED/);
  });

  it('renders Markdown tables', async () => {
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--output', 'markdown'], {
      cwd: driver.dir,
    });
    expect(r.stdout).toContain(
      '| linux/amd64 | gpu | gpu/gpu-device | `gpu.device` | `driver_version` | 🔒 tightened | &gt;= 525.0 (version) | &gt;= 535.0 (version) |',
    );
    expect(r.stdout).toContain('**Newly excluded:** `a100-focal`');
  });

  it.each([
    ['a module requirement', 'module', [FLEET.a100_525, FLEET.l40s_535], []],
    ['a narrower kernel range', 'kernel-narrow', ['h100-server'], []],
  ])('%s excludes exactly the expected hosts', async (_, head, excluded, admitted) => {
    const r0 = repo({ [CONFIG]: config('base') }, { [CONFIG]: config(head) });
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--output', 'json'], {
      cwd: r0.dir,
    });
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.excluded!.sort()).toEqual(excluded.sort());
    expect(out.admitted).toEqual(admitted);
  });

  it('loosening admits hosts', async () => {
    const r0 = repo({ [CONFIG]: config('driver-550') }, { [CONFIG]: config('base') });
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--output', 'json'], {
      cwd: r0.dir,
    });
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.changes.map((c) => c.change)).toEqual(['loosened']);
    expect(out.admitted!.sort()).toEqual([FLEET.a100_525, FLEET.l40s_535].sort());
    expect(out.excluded).toEqual([]);
  });

  it('lints the files the pull request changed (from the event SHAs), with annotations on their lines', async () => {
    const spec = readFileSync(SPEC, 'utf8');
    const pr = repo(
      { [CONFIG]: config('base'), 'README.md': 'hello\n', 'untouched.yaml': spec },
      {
        [CONFIG]: config('driver-535'),
        'specs/intel.yaml': spec,
        'package.json': '{"name": "x", "version": "1.0.0"}\n',
        'README.md': 'changed\n',
      },
    );
    const event = path.join(temp, 'event.json');
    writeFileSync(event, JSON.stringify(pullRequestEvent(pr)));
    // The working tree is back on main: only the SHAs say what changed (nothing is fetched).
    pr.git('checkout', '-q', pr.head);
    const r = await runCli(['check', '--event', event, '--annotations', '--output', 'json'], { cwd: pr.dir });
    expect(r.code).toBe(0);
    const [annotation, ...rest] = r.stdout.split('\n');
    expect(annotation).toMatch(
      new RegExp(
        `^::warning file=specs/intel\\.yaml,line=${lineOf(spec, '[GenuineIntel]')},col=\\d+,title=.*did you mean Intel\\?`,
      ),
    );
    const out = JSON.parse(rest.join('\n')) as CheckJson;
    // The config always; of the changed files only the spec (README and package.json are neither).
    expect(out.lint.files.map((f) => f.file).sort()).toEqual([CONFIG, 'specs/intel.yaml']);
    expect(out.lint.warnings).toBe(1);
    expect(out.changes.map((c) => c.change)).toEqual(['tightened']);
  });

  it.each([
    ['merge_group', (b: string, h: string) => ({ merge_group: { base_sha: b, head_sha: h } })],
    ['push', (b: string, h: string) => ({ before: b, after: h })],
  ])('a %s event gives base and head from its payload', async (_name, payload) => {
    const r0 = repo({ [CONFIG]: config('base') }, { [CONFIG]: config('driver-535') });
    const event = path.join(temp, `event-${_name}.json`);
    writeFileSync(event, JSON.stringify(payload(r0.base, r0.head)));
    r0.git('checkout', '-q', r0.head);
    const r = await runCli(['check', '--event', event, '--output', 'json'], { cwd: r0.dir });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as CheckJson).changes.map((c) => c.change)).toEqual(['tightened']);
  });

  it('an event whose commits are not SHAs is bad input (they would reach git)', async () => {
    const r0 = repo({ [CONFIG]: config('base') }, { [CONFIG]: config('driver-535') });
    const event = path.join(temp, 'event-bad.json');
    writeFileSync(event, JSON.stringify({ merge_group: { base_sha: '--output=x', head_sha: r0.head } }));
    const r = await runCli(['check', '--event', event], { cwd: r0.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the merge_group event does not name its commits by SHA');
  });

  it('a config with errors: annotation at its line, nothing compared, exit 2', async () => {
    const bad = repo({ [CONFIG]: config('base') }, { [CONFIG]: config('broken') });
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--annotations'], {
      cwd: bad.dir,
    });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(
      new RegExp(
        `^::error file=\\.github/image-compat\\.yaml,line=${lineOf(config('broken'), 'modulez')},col=35,.*unknown field "modulez"`,
      ),
    );
    expect(r.stdout).toContain('note: .github/image-compat.yaml has errors: nothing compared');
    expect(r.stdout).not.toContain('Requirement changes');
  });

  it('a config new in the pull request: every requirement added', async () => {
    const fresh = repo({ 'README.md': 'x\n' }, { [CONFIG]: config('base') });
    const r = await runCli(['check', '--base-ref', 'main', '--fleet', fleet, '--output', 'json'], {
      cwd: fresh.dir,
    });
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(new Set(out.changes.map((c) => c.change))).toEqual(new Set(['added']));
    expect(out.notes).toContain('.github/image-compat.yaml does not exist at main: every requirement is new');
    expect(out.admitted!.length).toBeGreaterThan(0);
  });

  it('--base-config outside any repository', async () => {
    const dir = mkdtempSync(path.join(temp, 'plain-'));
    writeFileSync(path.join(dir, 'base.yaml'), config('base'));
    writeFileSync(path.join(dir, 'head.yaml'), config('kernel-narrow'));
    const r = await runCli(
      ['check', '--config', 'head.yaml', '--base-config', 'base.yaml', '--fleet', fleet, '--output', 'json'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.excluded).toEqual(['h100-server']);
    expect(out.notes).toContain('no pull request and no base ref: only the config is linted');
  });

  it.each([
    ['no baseline', [], /no baseline to compare with/],
    ['two baselines', ['--base-ref', 'main', '--base-config', 'x.yaml'], /at most one of --base-ref/],
    ['a ref that is not there', ['--base-ref', 'nope'], /cannot list the changed files|not a commit/],
    ['a ref git would read as an option', ['--base-ref=--output=x'], /is not a git ref/],
    [
      'a fleet folder that is not there',
      ['--base-ref', 'main', '--fleet', '/nonexistent'],
      /cannot read the fleet folder/,
    ],
  ])('bad input: %s -> exit 2', async (_, args, message) => {
    const r = await runCli(['check', ...args], { cwd: driver.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('--files: lints the files named, not those git says changed', async () => {
    writeFileSync(path.join(driver.dir, 'extra.yaml'), readFileSync(SPEC, 'utf8'));
    const r = await runCli(['check', '--base-ref', 'main', '--files', 'extra.yaml', '--output', 'json'], {
      cwd: driver.dir,
    });
    rmSync(path.join(driver.dir, 'extra.yaml'));
    const out = JSON.parse(r.stdout) as CheckJson;
    expect(out.lint.files.map((f) => f.file)).toEqual([CONFIG, 'extra.yaml']);
    expect(out.lint.warnings).toBe(1);
  });

  it('has help', async () => {
    const r = await runCli(['check', '--help']);
    expect(r.stdout).toContain('--base-image <ref>');
    expect(r.stdout).toContain('--plain-http');
    expect(r.stdout).toContain('Exit codes');
  });
});
