// `image-compat generate`: flags and printing; the work is in src/commands/generate.ts.
import { Command } from 'commander';
import { generate } from '../commands/generate.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { formatDiagnostics } from '../lint/format.js';

export function generateCommand(): Command {
  return new Command('generate')
    .description('Compile a compatibility config into an NFD image compatibility spec (YAML on stdout).')
    .option('-c, --config <file>', 'the config file', DEFAULT_CONFIG_PATH)
    .option('-p, --platform <os/arch[/variant]>', 'only the sets for this platform (e.g. linux/amd64)')
    .option('-o, --out-dir <dir>', 'write one spec per platform: <os>-<arch>[-<variant>].yaml')
    .addHelpText(
      'after',
      '\nWhen the platforms get different specs and no --platform is given, --out-dir is required.\nNotes (rules nfd compat validate-node cannot check) and warnings go to stderr.',
    )
    .action(async (opts: { config: string; platform?: string; outDir?: string }) => {
      const r = await generate(opts);
      if (r.warnings.length) process.stderr.write(formatDiagnostics(r.warnings, 'text'));
      for (const note of r.notes) process.stderr.write(`note: ${note}\n`);
      for (const f of r.files)
        process.stderr.write(`wrote ${f.path}${f.platform ? ` (${f.platform})` : ''}\n`);
      if (r.yaml !== undefined) process.stdout.write(r.yaml);
    });
}
