// `image-compat validate`: flags, loading of the spec and the host features, printing, exit code
// (0 compatible, 1 incompatible, 2 bad input or NFD evaluation error). Spec and host sources are
// small functions here so that other sources (a registry image, this host's collectors) can be
// added without touching the command itself (src/commands/validate.ts).
import { Command, InvalidArgumentError, Option } from 'commander';
import { validate } from '../commands/validate.js';
import { ExitCode } from '../errors.js';
import { MAX_FEATURES_BYTES, parseFeaturesDocument, type HostFeatures } from '../features/snapshot.js';
import { validateJson } from '../report/json.js';
import { renderValidateTable } from '../report/table.js';
import { formatPositioned } from '../errors.js';
import { parseSource, readSource, throwFirstError } from '../spec/document.js';
import { checkSpecDocument } from '../spec/parse.js';
import type { Spec } from '../spec/types.js';

/** Reads and checks a spec file; warnings go to stderr, errors are thrown. */
export async function loadSpecFile(file: string): Promise<Spec> {
  const { spec, diagnostics } = checkSpecDocument(parseSource(await readSource(file), file));
  for (const d of diagnostics.filter((x) => x.severity === 'warning')) {
    process.stderr.write(`image-compat: warning: ${formatPositioned(d.message, d.position, d.hint)}\n`);
  }
  throwFirstError(diagnostics);
  return spec!;
}

/** Reads host features from a snapshot file, or standard input for `-`. */
export async function loadHostsFile(file: string): Promise<HostFeatures[]> {
  return parseFeaturesDocument(await readSource(file, MAX_FEATURES_BYTES), file);
}

function parseTags(value: string): string[] {
  const tags = value
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  if (tags.length === 0) throw new InvalidArgumentError('expected one or more comma-separated tags');
  return tags;
}

export function useColor(stream: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

interface Flags {
  spec: string;
  features: string;
  tags?: string[];
  output: 'table' | 'json';
}

export function validateCommand(): Command {
  return new Command('validate')
    .description(
      'Evaluate an image compatibility spec against host features with the verdicts of node-feature-discovery. ' +
        'Exit 0: compatible (one host: a set has all its rules matching; several nodes: every node), ' +
        '1: incompatible, 2: bad input or evaluation error.',
    )
    .requiredOption('--spec <file>', 'image compatibility spec (YAML or JSON)')
    .requiredOption(
      '--features <file>',
      'host features: an NFD Features object, a NodeFeature, a NodeFeatureList or a List of NodeFeatures (JSON or YAML); - reads standard input',
    )
    .option(
      '--tags <tags>',
      'evaluate only the compatibility sets with these tags (comma-separated)',
      parseTags,
    )
    .addOption(new Option('--output <format>', 'output format').choices(['table', 'json']).default('table'))
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  image-compat validate --spec examples/specs/gpu.yaml --features examples/hosts/h100-server.json',
        '  kubectl get nodefeatures -A -o json | image-compat validate --spec spec.yaml --features - --output json',
        '',
      ].join('\n'),
    )
    .action(async (flags: Flags) => {
      const spec = await loadSpecFile(flags.spec);
      const hosts = await loadHostsFile(flags.features);
      const result = validate({ spec, hosts, tags: flags.tags });
      process.stdout.write(
        flags.output === 'json' ? validateJson(result) : renderValidateTable(result, { color: useColor() }),
      );
      process.exitCode = result.compatible ? ExitCode.ok : ExitCode.incompatible;
    });
}
