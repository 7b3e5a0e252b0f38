// `image-compat select`: flags in, printing out (the work is in commands/select). The output
// contract: stdout is exactly one line, `<registry>/<repository>@<digest>`, so that
// `$(image-compat select --image REF)` works; with a cluster snapshot one `node<TAB>ref` line per
// node that has one; `--output json` prints `{chosen, candidates}` instead. The table of every
// candidate with why it won or lost goes to stderr. Exit 0 every host has a candidate, 1 none fits,
// 2 bad input (or a node whose architecture cannot be told), 3 registry, 4 --require-signature
// found no trusted artifact.
import { select, selectExitCode } from '../commands/select.js';
import type { SelectResult } from '../commands/select.js';
import { ExitCode } from '../errors.js';
import { renderClusterTable, renderHostTable, selectJson } from '../report/select.js';
import type { CommandDefinition } from './definition.js';
import { REGISTRY_HELP, REGISTRY_OPTIONS, registryOptionsFrom } from './registry-options.js';
import type { RegistryFlags } from './registry-options.js';
import { POLICY_OPTIONS, policyRequestOf } from './policy-options.js';
import type { PolicyFlagValues } from './policy-options.js';

interface Flags extends PolicyFlagValues, RegistryFlags {
  image: string;
  features?: string;
  hostRoot?: string;
  output: 'text' | 'json';
  requireSignature: boolean;
  strict: boolean;
}

const log = {
  note: (m: string) => process.stderr.write(`image-compat: note: ${m}\n`),
  warn: (m: string) => process.stderr.write(`image-compat: warning: ${m}\n`),
};

function printText(result: SelectResult): void {
  if (result.cluster) {
    process.stderr.write(renderClusterTable(result));
    for (const h of result.hosts) if (h.chosen) process.stdout.write(`${h.node}\t${h.chosen}\n`);
    return;
  }
  const host = result.hosts[0]!;
  process.stderr.write(renderHostTable(result, host));
  if (host.chosen) process.stdout.write(`${host.chosen}\n`);
}

/** Why the run did not pass, on stderr (the table above says it per candidate). */
function explain(result: SelectResult, code: ExitCode): void {
  const unknown = result.hosts.filter((h) => h.noFit === 'unknown-platform');
  if (unknown.length)
    log.warn(
      `cannot tell the architecture of ${unknown.map((h) => h.node || 'the host').join(', ')}: no kubernetes.io/arch label and no cpu flags`,
    );
  const without = result.hosts.filter((h) => h.chosen === null && h.noFit !== 'unknown-platform').length;
  if (code === ExitCode.signature)
    log.warn(`--require-signature: no trusted compatibility artifact fits ${without} host(s)`);
  else if (without) log.warn(`no candidate of ${result.image} fits ${without} host(s)`);
}

export const selectCommand = {
  name: 'select',
  summary: 'pick the manifest of an image index that fits this host (or each node of a snapshot) best',
  description:
    'Evaluate every candidate manifest of an image index for this host: its platform (arch; an amd64 ' +
    "variant against the host's x86-64 level) and its compatibility artifact (the platform manifest's, " +
    "else the index's, as validate finds them). The best: compatible, then the highest weight among the " +
    'matching sets, then index order; a candidate without an artifact fits by its platform alone and ranks ' +
    'below every candidate whose requirements matched. stdout: `<registry>/<repository>@<digest>`. ' +
    'Exit 0: a candidate fits (every node of a cluster), 1: none fits, 2: bad input or a node whose ' +
    'architecture cannot be told, 3: registry error, 4: --require-signature found no trusted artifact.',
  options: [
    {
      flags: '--image <ref>',
      description: 'the image index (or manifest): host[:port]/path[:tag][@digest]',
      required: true,
    },
    {
      flags: '--features <file>',
      description:
        'host features instead of this host: one host (NFD Features, a NodeFeature) or a cluster (a NodeFeatureList, a List of NodeFeatures: one line per node); - reads standard input',
    },
    {
      flags: '--host-root <dir>',
      description: 'collect the host mounted at DIR instead of this machine; also IMAGE_COMPAT_HOST_ROOT',
    },
    {
      flags: '--output <format>',
      description: 'text: the reference on stdout; json: {chosen, candidates}',
      choices: ['text', 'json'],
      default: 'text',
    },
    {
      flags: '--require-signature',
      description:
        'only candidates whose compatibility artifact has a signature that passes the policy are eligible',
      default: false,
    },
    {
      flags: '--strict',
      description: "a candidate's spec with lint errors is refused (as validate --strict)",
      default: false,
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS,
  ],
  after: [
    REGISTRY_HELP,
    '',
    'Examples:',
    '  docker run "$(image-compat select --image ghcr.io/acme/app:1.0)"',
    '  kubectl get nodefeatures -A -o json | image-compat select --image ghcr.io/acme/app:1.0 --features -',
    '',
  ].join('\n'),
  action: async (flags: Flags) => {
    const result = await select(
      {
        image: flags.image,
        ...(flags.features !== undefined && { features: flags.features }),
        ...(flags.hostRoot !== undefined && { hostRoot: flags.hostRoot }),
        policy: policyRequestOf(flags),
        requireSignature: flags.requireSignature,
        strict: flags.strict,
        ...(await registryOptionsFrom(flags)),
      },
      log,
    );
    if (flags.output === 'json') process.stdout.write(selectJson(result));
    else printText(result);
    const code = selectExitCode(result);
    explain(result, code);
    process.exitCode = code;
  },
} satisfies CommandDefinition;
