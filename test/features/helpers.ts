// Shared helpers for the features tests: fixture paths, a fake nvidia-smi, temporary trees.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ProgramResult, RunProgram } from '../../src/features/index.js';
import type { Features } from '../../src/features/types.js';

export const FIXTURES = path.resolve('test/fixtures/features');
export const tree = (name: string): string => path.join(FIXTURES, name);

/** A RunProgram answering like nvidia-smi from canned CSV; records the calls. */
export function fakeNvidiaSmi(
  answer: (args: string[]) => ProgramResult,
): RunProgram & { calls: Array<{ file: string; args: string[] }> } {
  const calls: Array<{ file: string; args: string[] }> = [];
  const run: RunProgram = async (file, args) => {
    calls.push({ file, args });
    return answer(args);
  };
  return Object.assign(run, { calls });
}

/** nvidia-smi for the H100 fixture: the canned CSV, as a driver >= R510 answers. */
export function h100NvidiaSmi(): ReturnType<typeof fakeNvidiaSmi> {
  const csv = fs.readFileSync(path.join(FIXTURES, 'h100-server.nvidia-smi.csv'), 'utf8');
  return fakeNvidiaSmi(() => ({ code: 0, stdout: csv, stderr: '' }));
}

/** A fresh temporary directory, removed by the caller with rmTemp. */
export function tempDir(prefix = 'ic-features-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function rmTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Copy a fixture tree (symlinks kept as links) into a temporary directory. */
export function copyTree(name: string): string {
  const dir = tempDir();
  fs.cpSync(tree(name), dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}

export function writeFile(root: string, p: string, text: string | Buffer): void {
  const full = path.join(root, p);
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, text);
}

export const attrs = (f: Features, name: string): Record<string, string> | undefined =>
  f.attributes?.[name]?.elements;
export const flags = (f: Features, name: string): string[] | undefined => {
  const e = f.flags?.[name]?.elements;
  return e ? Object.keys(e) : undefined;
};
export const instances = (f: Features, name: string): Array<Record<string, string>> | undefined =>
  f.instances?.[name]?.elements.map((e) => e.attributes);
