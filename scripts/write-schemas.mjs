// Writes every generated schema file from the schema objects in src/ (the code validates with
// those; tests keep the files equal to them): the published JSON Schemas in schemas/, and the spec
// and snapshot validators precompiled by ajv (src/spec/schema.validate.ts,
// src/features/snapshot-schema.validate.ts). Run: node scripts/write-schemas.mjs
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { schemaFileSource, validatorSource, validatorsSource } from './schema-validator.mjs';

/** Loads an exported object of a TypeScript module by bundling it in memory. */
async function load(source, name) {
  const out = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  return (await import(url))[name];
}

const schemas = {
  'schemas/nfd-image-compatibility-v1alpha1.schema.json': ['src/spec/schema.ts', 'specSchema'],
  'schemas/validation-report.schema.json': ['src/report/schema.ts', 'validationReportSchema'],
  'schemas/image-compat-config.schema.json': ['src/config/schema.ts', 'configSchema'],
  'schemas/validation.v1.json': ['src/validation/schema.ts', 'validationPredicateSchema'],
};

for (const [file, [source, name]] of Object.entries(schemas)) {
  await writeFile(file, await schemaFileSource(await load(source, name)));
  console.log(`wrote ${file}`);
}
await writeFile(
  'src/spec/schema.validate.ts',
  await validatorSource(await load('src/spec/schema.ts', 'specSchema')),
);
console.log('wrote src/spec/schema.validate.ts');
await writeFile(
  'src/features/snapshot-schema.validate.ts',
  await validatorsSource(
    await load('src/features/snapshot-schema.ts', 'snapshotSchemas'),
    'src/features/snapshot-schema.ts',
  ),
);
console.log('wrote src/features/snapshot-schema.validate.ts');
