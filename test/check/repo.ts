// Fixture repositories for the check: a temporary git repository with a base commit and a head
// commit of the config (and any other files), and a fleet folder built from the fixture snapshots.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CONFIGS = 'test/fixtures/check/configs';

/** Config fixture text by name (`base`, `driver-535`, ...). */
export function config(name: string): string {
  return readFileSync(path.join(CONFIGS, `${name}.yaml`), 'utf8');
}

export interface FixtureRepo {
  dir: string;
  base: string;
  head: string;
  git(...args: string[]): string;
  remove(): void;
}

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** A repository whose first commit has `base` files and second commit `head` files (null deletes). */
export function fixtureRepo(base: Record<string, string>, head: Record<string, string | null>): FixtureRepo {
  const dir = mkdtempSync(path.join(tmpdir(), 'ic-check-repo-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env: GIT_ENV, encoding: 'utf8' }).trim();
  const write = (files: Record<string, string | null>) => {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, name);
      if (text === null) rmSync(file, { force: true });
      else {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      }
    }
  };
  git('init', '-q', '-b', 'main');
  write(base);
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const baseSha = git('rev-parse', 'HEAD');
  git('checkout', '-q', '-b', 'change');
  write(head);
  git('add', '-A');
  git('commit', '-q', '-m', 'head');
  const headSha = git('rev-parse', 'HEAD');
  return {
    dir,
    base: baseSha,
    head: headSha,
    git,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The pull_request event payload GitHub writes to GITHUB_EVENT_PATH (the fields the check reads). */
export function pullRequestEvent(repo: FixtureRepo): unknown {
  return {
    action: 'synchronize',
    number: 7,
    pull_request: {
      number: 7,
      base: { ref: 'main', sha: repo.base },
      head: { ref: 'change', sha: repo.head },
    },
  };
}

/**
 * The fleet: the fixture snapshots (the H100 server, an ARM server, a VM, a RHEL runner), the
 * config fixture hosts (another H100, Graviton, a KVM guest, the A100 with driver 525) and an
 * L40S with driver 535, each folder copied under its own name (file names repeat).
 */
export function fleetDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'ic-check-fleet-'));
  cpSync('test/fixtures/features/snapshots', path.join(dir, 'snapshots'), { recursive: true });
  rmSync(path.join(dir, 'snapshots', 'ci-container.json')); // this machine's own: nothing to assert on
  cpSync('test/fixtures/config/hosts', path.join(dir, 'config-hosts'), { recursive: true });
  cpSync('test/fixtures/check/hosts', path.join(dir, 'check-hosts'), { recursive: true });
  return dir;
}

/** Host names of the fleet, by what they are. */
export const FLEET = {
  h100: ['gpu-h100-01', 'h100-server'],
  arm: ['arm-altra-01', 'graviton3'],
  vms: ['kvm-guest', 'runner-7f9c4'],
  a100_525: 'a100-focal',
  l40s_535: 'l40s-535',
} as const;
