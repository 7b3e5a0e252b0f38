// Starts .tools/bin/referrers-registry (built by scripts/install-tools.sh from
// tools/referrers-registry/main.go): go-containerregistry's in-memory registry with the OCI 1.1
// referrers API, on 127.0.0.1. Storage is in memory: a restart loses everything.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The binary; REFERRERS_REGISTRY overrides the default .tools/bin/referrers-registry. */
export const REFERRERS_REGISTRY_BIN =
  process.env.REFERRERS_REGISTRY ?? path.resolve('.tools/bin/referrers-registry');

export interface ReferrersRegistry {
  /** http://127.0.0.1:PORT */
  url: string;
  host: string;
  port: number;
  /** Request log (only with verbose: true). */
  logs(): string;
  stop(): Promise<void>;
}

export async function startReferrersRegistry(
  opts: { port?: number; verbose?: boolean } = {},
): Promise<ReferrersRegistry> {
  if (!existsSync(REFERRERS_REGISTRY_BIN)) {
    throw new Error(`${REFERRERS_REGISTRY_BIN} is missing: run scripts/install-tools.sh (it builds it)`);
  }
  const args = ['-port', String(opts.port ?? 0), ...(opts.verbose ? ['-verbose'] : [])];
  const child: ChildProcess = spawn(REFERRERS_REGISTRY_BIN, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let logs = '';
  child.stderr?.on('data', (d: Buffer) => (logs = (logs + d.toString('utf8')).slice(-64 * 1024)));
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`referrers-registry did not start within 10 s: ${logs}`));
    }, 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`referrers-registry exited (${code}) while starting: ${logs}`));
    });
    child.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    logs: () => logs,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
