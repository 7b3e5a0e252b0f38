// `image-compat features`: print this host's features as a Kubernetes NodeFeature object (JSON
// or YAML), a readable hardware table, or our own features (GPU, RDMA) as an NFD features.d file.
import { runFeatures } from '../commands/features.js';
import { InputError } from '../errors.js';
import { parseDuration } from '../io/duration.js';
import { formatHardwareTable, summarizeHardware } from '../report/hardware.js';
import { type CommandDefinition, InvalidValueError } from './definition.js';

/** `--expiry`: a duration from now (`90m`, `2h`, `7d`, as parseDuration reads them) or an RFC 3339 time. */
export function parseExpiry(value: string, now: Date = new Date()): Date {
  try {
    return new Date(now.getTime() + parseDuration(value));
  } catch {
    // not a duration: an RFC 3339 time, or the message below naming both forms
  }
  if (/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(value.trim())) {
    const t = new Date(value.trim());
    if (!Number.isNaN(t.getTime())) return t;
  }
  throw new InvalidValueError('expected a duration (90m, 2h, 7d) or an RFC 3339 time (2027-01-01T00:00:00Z)');
}

export const featuresCommand = {
  name: 'features',
  description:
    "Collect this host's features (NFD's feature sources plus GPUs and RDMA) as a NodeFeature object.",
  options: [
    {
      flags: '--host-root <dir>',
      description:
        'read the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT',
    },
    {
      flags: '--output <format>',
      description:
        'json or yaml (a NodeFeature object), table (a hardware summary), or nfd-local (the GPU and RDMA features as an NFD features.d file)',
      choices: ['json', 'yaml', 'table', 'nfd-local'],
      default: 'json',
    },
    {
      flags: '--expiry <when>',
      description:
        'with nfd-local: nfd-worker ignores the lines after this (a duration from now: 90m, 2h, 7d; or an RFC 3339 time)',
      parse: (v: string) => parseExpiry(v),
    },
  ],
  after:
    '\nIn a container: docker run -v /:/host:ro IMAGE image-compat features --host-root /host\n' +
    'Sources that cannot be read are listed in the annotation image-compat.dev/unavailable-sources.\n' +
    'nfd-local: write it to /etc/kubernetes/node-feature-discovery/features.d/image-compat on each node (docs/kubernetes.md).',
  action: async (opts: {
    hostRoot?: string;
    output: 'json' | 'yaml' | 'table' | 'nfd-local';
    expiry?: Date;
  }) => {
    if (opts.expiry && opts.output !== 'nfd-local')
      throw new InputError('--expiry is for --output nfd-local');
    const { host, nodeFeature } = await runFeatures({ hostRoot: opts.hostRoot });
    let out: string;
    if (opts.output === 'nfd-local') {
      const { formatNfdLocal } = await import('../kubernetes/nfd-local.js');
      out = formatNfdLocal(host.features, opts.expiry ? { expiry: opts.expiry } : {});
    } else if (opts.output === 'table') {
      out = formatHardwareTable(summarizeHardware(host.features, host.hostname, host.unavailable));
    } else if (opts.output === 'yaml') {
      // yaml loads only for --output yaml. It is CommonJS: its exports are the default export's
      // (a bundled import() has no named ones).
      const { stringify } = (await import('yaml')).default;
      out = stringify(nodeFeature);
    } else {
      out = JSON.stringify(nodeFeature, null, 2) + '\n';
    }
    process.stdout.write(out);
  },
} satisfies CommandDefinition;
