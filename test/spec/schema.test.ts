import { describe, expect, it } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { specSchema } from '../../src/spec/schema.js';

// The published JSON Schema file is generated from the TypeScript object. Regenerate it with
// UPDATE_SCHEMA=1 npm run test:unit -- test/spec/schema.test.ts
const FILE = 'schemas/nfd-image-compatibility-v1alpha1.schema.json';

describe('schema file', () => {
  it('equals the schema object (not stale)', () => {
    const expected = `${JSON.stringify(specSchema, null, 2)}\n`;
    if (process.env.UPDATE_SCHEMA) writeFileSync(FILE, expected);
    expect(readFileSync(FILE, 'utf8')).toBe(expected);
  });
});
