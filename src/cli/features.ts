// `image-compat features`: print this host's features as a Kubernetes NodeFeature object (JSON
// or YAML), or a readable hardware table.
import { Command, Option } from 'commander';
import { runFeatures } from '../commands/features.js';
import { formatHardwareTable, summarizeHardware } from '../report/hardware.js';

export function featuresCommand(): Command {
  return new Command('features')
    .description(
      "Collect this host's features (NFD's feature sources plus GPUs and RDMA) as a NodeFeature object.",
    )
    .option(
      '--host-root <dir>',
      'read the host mounted at DIR (DIR/proc, DIR/sys, DIR/etc, ...) instead of this machine; also IMAGE_COMPAT_HOST_ROOT',
    )
    .addOption(
      new Option('--output <format>', 'json or yaml (a NodeFeature object), or table (a hardware summary)')
        .choices(['json', 'yaml', 'table'])
        .default('json'),
    )
    .addHelpText(
      'after',
      '\nIn a container: docker run -v /:/host:ro IMAGE image-compat features --host-root /host\n' +
        'Sources that cannot be read are listed in the annotation image-compat.dev/unavailable-sources.',
    )
    .action(async (opts: { hostRoot?: string; output: 'json' | 'yaml' | 'table' }) => {
      const { host, nodeFeature } = await runFeatures({ hostRoot: opts.hostRoot });
      let out: string;
      if (opts.output === 'table') {
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
    });
}
