import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { snapshotSchemas } from '../../src/features/snapshot-schema.js';
// @ts-expect-error: a plain .mjs build script without types
import { validatorsSource } from '../../scripts/schema-validator.mjs';

// The snapshot validators are precompiled from the schema objects, so reading a snapshot never
// loads ajv's compiler. Regenerate with: node scripts/write-schemas.mjs
describe('generated snapshot validators', () => {
  it('are built from the schema objects', async () => {
    const expected = (await validatorsSource(snapshotSchemas, 'src/features/snapshot-schema.ts')) as string;
    expect(readFileSync('src/features/snapshot-schema.validate.ts', 'utf8')).toBe(expected);
  });
});
