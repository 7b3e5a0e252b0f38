// Writes schemas/*.schema.json from the schema objects in src/ (the code validates with those; a
// test keeps the files equal to them). Run: node scripts/write-schemas.mjs
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { format, resolveConfig } from 'prettier';

const schemas = {
  'schemas/validation-report.schema.json': ['src/report/schema.ts', 'validationReportSchema'],
  'schemas/image-compat-config.schema.json': ['src/config/schema.ts', 'configSchema'],
};

for (const [file, [source, name]] of Object.entries(schemas)) {
  const out = await build({
    entryPoints: [source],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
  });
  const url = `data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString('base64')}`;
  const schema = (await import(url))[name];
  const options = { ...(await resolveConfig(file)), parser: 'json', filepath: file };
  await writeFile(file, await format(JSON.stringify(schema), options));
  console.log(`wrote ${file}`);
}
