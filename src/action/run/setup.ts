// The setup action's work: put an `image-compat` command on PATH for later `run:` steps. The CLI
// is the bundle shipped in this action's own dist/ (so a workflow pinned to a SHA runs the CLI of
// that SHA; nothing is downloaded), kept in the runner's tool cache by version (self-hosted
// runners keep it between jobs), and started by the Node that runs this action
// (process.execPath: the runner's node24), so a runner whose system Node is older still works.
import * as core from '@actions/core';
import * as tc from '@actions/tool-cache';
import { chmod, cp, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const TOOL_NAME = 'image-compat';

export interface SetupInputs {
  /** The folder of the bundled CLI (this action's dist/). */
  distDir: string;
  /** The CLI's version: the tool cache's key. */
  version: string;
  /** RUNNER_TEMP: where this job's launcher is written. */
  runnerTemp: string;
  /** The Node that runs the launcher. */
  node: string;
}

export interface SetupOutcome {
  version: string;
  /** The tool cache folder holding the CLI. */
  toolDir: string;
  /** The folder added to PATH (the launcher). */
  binDir: string;
  cacheHit: boolean;
}

/** What the CLI needs of dist/: its entry, the chunks it loads, the licence notices. */
function cliFile(name: string): boolean {
  return name === 'cli.js' || name === 'chunks' || name === 'licenses.txt';
}

/** A POSIX shell word: single-quoted, with `'` written as `'\''`. */
function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

async function cacheCli(inputs: SetupInputs): Promise<string> {
  const staging = await mkdtemp(path.join(inputs.runnerTemp, 'image-compat-staging-'));
  for (const name of (await readdir(inputs.distDir)).filter(cliFile)) {
    await cp(path.join(inputs.distDir, name), path.join(staging, name), { recursive: true });
  }
  // The bundle is an ES module: without a package.json saying so, Node would guess from its syntax.
  await writeFile(path.join(staging, 'package.json'), '{"type":"module"}\n');
  return tc.cacheDir(staging, TOOL_NAME, inputs.version);
}

export async function run(inputs: SetupInputs): Promise<SetupOutcome> {
  const cached = tc.find(TOOL_NAME, inputs.version);
  const toolDir = cached || (await cacheCli(inputs));
  // The launcher is per job: it names this runner's Node, which a shared cache must not pin.
  const binDir = path.join(inputs.runnerTemp, 'image-compat-bin');
  await mkdir(binDir, { recursive: true });
  const cli = path.join(toolDir, 'cli.js');
  const launcher = path.join(binDir, TOOL_NAME);
  await writeFile(
    launcher,
    `#!/bin/sh\n# image-compat ${inputs.version}, from the tool cache, run by the runner's Node.\nexec ${shellQuote(inputs.node)} ${shellQuote(cli)} "$@"\n`,
  );
  await chmod(launcher, 0o755);
  await writeFile(path.join(binDir, `${TOOL_NAME}.cmd`), `@"${inputs.node}" "${cli}" %*\r\n`);
  return { version: inputs.version, toolDir, binDir, cacheHit: Boolean(cached) };
}

export function publish(outcome: SetupOutcome): void {
  core.addPath(outcome.binDir);
  core.setOutput('version', outcome.version);
  core.setOutput('cache-hit', String(outcome.cacheHit));
  core.info(
    `image-compat ${outcome.version} on PATH (${outcome.cacheHit ? 'from the tool cache' : 'added to the tool cache'}: ${outcome.toolDir})`,
  );
}
