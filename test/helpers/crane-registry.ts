// Starts go-containerregistry's `crane registry serve` (.tools/bin/crane, installed from Debian by
// scripts/install-tools.sh) on 127.0.0.1:<free port>: a second real registry without the referrers
// API and without If-Match (the fallback tag is last-writer-wins there too), written by other
// people than distribution's, for the concurrency tests. Storage is in memory. It has the
// TestRegistry shape, so the raw-push helpers of ./registry.ts work against it.
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestRegistry } from './registry.js';
import { freePort } from './registry.js';

/** The binary; CRANE overrides the default .tools/bin/crane. */
export const CRANE_BIN = process.env.CRANE ?? path.resolve('.tools/bin/crane');

export async function startCraneRegistry(): Promise<TestRegistry> {
  if (!existsSync(CRANE_BIN)) throw new Error(`${CRANE_BIN} is missing: run scripts/install-tools.sh`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'image-compat-crane-'));
  const port = await freePort();
  const host = `127.0.0.1:${port}`;
  const child: ChildProcess = spawn(CRANE_BIN, ['registry', 'serve', '--address', host], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: dir },
  });
  // It logs every request: keep the tail only (and keep reading, so the pipe never fills).
  let logs = '';
  child.stderr?.on('data', (d: Buffer) => (logs = (logs + d.toString('utf8')).slice(-16 * 1024)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${host}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`crane registry serve exited: ${logs}`);
    try {
      const res = await fetch(`${url}/v2/`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`crane registry serve did not start: ${logs}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return {
    host,
    url,
    dir,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
