// `validate --config FILE`: the config compiled for one platform (the host's, or --platform), then
// evaluated exactly as `validate --spec` evaluates a spec. Compile errors are InputErrors at their
// file:line:column (exit 2), as in `generate`; a platform no set applies to is an error that names
// the platforms the config has sets for. Also the refusal of a config given as a spec.
import { InputError } from '../errors.js';
import { detectKind } from '../lint/kind.js';
import { hostPlatform } from '../platform/host.js';
import { formatPlatform, parsePlatform } from '../platform/platform.js';
import { setting } from '../settings.js';
import type { Diagnostic, SourceDocument } from '../spec/document.js';
import type { Spec } from '../spec/types.js';

export interface ConfigSpec {
  spec: Spec;
  /** The platform compiled for (`os/arch[/variant]`). */
  platform: string;
  /** The compiler's notes (rules nfd compat validate-node cannot check). */
  notes: string[];
  warnings: Diagnostic[];
}

export async function specFromConfig(file: string, platform?: string): Promise<ConfigSpec> {
  let target: string;
  try {
    target = formatPlatform(platform !== undefined ? parsePlatform(platform) : hostPlatform());
  } catch {
    throw new InputError(
      `${setting('platform')} "${platform}" is not os/arch[/variant]`,
      {},
      'e.g. linux/amd64',
    );
  }
  // The config compiler loads only for a config (a spec file needs none of it).
  const [{ compileConfig, noSetApplies }, { loadConfig }] = await Promise.all([
    import('../config/compile.js'),
    import('../config/load.js'),
  ]);
  const { config, warnings } = await loadConfig(file);
  const compiled = compileConfig(config, { platform: target });
  if (!compiled.spec.compatibilities.length) throw noSetApplies(file, config, target);
  return { spec: compiled.spec, platform: target, notes: compiled.notes, warnings };
}

/** A spec file that is a config (version: 1): an error that says so, instead of schema noise. */
export function refuseConfigAsSpec(src: SourceDocument): void {
  if (detectKind(src.value) !== 'config') return;
  throw new InputError(
    'this is an image-compat config (version: 1), not an NFD image compatibility spec',
    { file: src.file },
    `validate --config ${src.file} compiles and evaluates it; image-compat generate prints its spec`,
  );
}
