// A HostFs over node:fs whose reads can be made to fail for chosen paths.
import fs from 'node:fs';
import type { HostFs } from '../../src/features/index.js';
export { collectHostFeatures } from '../../src/features/index.js';

/** `failIf(path)` throws to simulate a read error on that path; otherwise node:fs answers. */
export function nodeHostFsForTest(failIf: (p: string) => void): HostFs {
  return {
    readFileSync: (p) => (failIf(p), fs.readFileSync(p)),
    readdirSync: (p) => (failIf(p), fs.readdirSync(p)),
    readlinkSync: (p) => (failIf(p), fs.readlinkSync(p)),
    statSync: (p) => (failIf(p), fs.statSync(p)),
  };
}
