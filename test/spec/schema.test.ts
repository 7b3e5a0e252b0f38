import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { specSchema } from '../../src/spec/schema.js';
// @ts-expect-error: a plain .mjs build script without types
import { schemaFileSource, validatorSource } from '../../scripts/schema-validator.mjs';

// The published JSON Schema file and the precompiled validator are generated from the TypeScript
// object. Regenerate both with: node scripts/write-schemas.mjs
const SCHEMA_FILE = 'schemas/nfd-image-compatibility-v1alpha1.schema.json';
const VALIDATOR_FILE = 'src/spec/schema.validate.ts';

describe('generated schema files', () => {
  it('the JSON Schema file equals the schema object', async () => {
    const expected = (await schemaFileSource(specSchema)) as string;
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
  });

  it('the precompiled validator is built from the schema object', async () => {
    const expected = (await validatorSource(specSchema)) as string;
    expect(readFileSync(VALIDATOR_FILE, 'utf8')).toBe(expected);
  });
});
