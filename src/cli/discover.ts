// `image-compat discover`: flags and printing for the discover command (the work is in commands/discover).
import { discover } from '../commands/discover.js';
import type { CommandDefinition } from './definition.js';
import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom,
} from './registry-options.js';

export const discoverCommand = {
  name: 'discover',
  description:
    "List an image's NFD compatibility artifacts, newest first: the platform manifest's, then its index's (an index resolves to one platform: --platform, else the first the host runs). The first listed is the one validate evaluates.",
  options: [
    IMAGE_OPTION,
    {
      flags: '--platform <os/arch[/variant]>',
      description:
        'for an index, the platform manifest to look at (os and arch exact, variant when given; default: the first the host runs)',
    },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS,
  ],
  after: `${REGISTRY_HELP}\nExit codes: 0 listed (possibly none), 2 bad input, 3 registry error.`,
  action: async (flags: { image: string; platform?: string; plainHttp: boolean; output: string }) => {
    const result = await discover({
      image: flags.image,
      ...(flags.platform !== undefined && { platform: flags.platform }),
      ...(await registryOptionsFrom(flags)),
    });
    if (flags.output === 'json') {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    process.stderr.write(
      `${result.subject}${result.platform ? ` (${result.platform})` : ''}: ${result.artifacts.length} compatibility artifact(s)\n`,
    );
    if (result.artifacts.length === 0) return;
    const rows = [
      ['DIGEST', 'CREATED', 'SIZE', 'ATTACHED TO'],
      ...result.artifacts.map((a) => [a.digest, a.created ?? '-', String(a.size), a.attachedTo]),
    ];
    const width = rows.map((r) => r[1]?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
    const size = rows.map((r) => r[2]?.length ?? 0).reduce((a, b) => Math.max(a, b), 0);
    for (const r of rows)
      process.stdout.write(
        `${(r[0] ?? '').padEnd(71)}  ${(r[1] ?? '').padEnd(width)}  ${(r[2] ?? '').padEnd(size)}  ${r[3]}\n`,
      );
  },
} satisfies CommandDefinition;
