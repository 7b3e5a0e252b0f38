// `generate`: config -> NFD spec YAML, one spec for every platform or one file per platform; or a
// config's (or a spec file's) spec as an NFD NodeFeatureRule or a Pod's node affinity.
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { compileConfig, declaredPlatforms, noSetApplies } from '../config/compile.js';
import { loadConfig } from '../config/load.js';
import { tryParsePlatform, platformFileName } from '../platform/platform.js';
import { DEFAULT_CONFIG_PATH } from '../config/types.js';
import { serializeSpec } from '../spec/serialize.js';
import { InputError } from '../errors.js';
import { makeFolder, onOutput, writeOutput } from '../io/write.js';
import type { Diagnostic } from '../spec/document.js';
import { parseSpec } from '../spec/parse.js';
import { setting } from '../settings.js';
import { readSource } from '../spec/document.js';
import type { Spec } from '../spec/types.js';
import { renderNodeSelection, type NodeSelectionOutput } from './node-selection.js';
import type { GeneratedSet } from '../kubernetes/index.js';

export interface GenerateOptions {
  config?: string;
  platform?: string;
  outDir?: string;
  /** What to write: the spec (default), or for Kubernetes a NodeFeatureRule or node affinity. */
  output?: 'spec' | NodeSelectionOutput;
  /** With a Kubernetes output: a spec file instead of the config. */
  spec?: string;
  /** With a Kubernetes output: the image's name in labels. */
  name?: string;
  labelPrefix?: string;
}

export interface GenerateResult {
  /** The spec, when one spec serves the request (stdout). */
  yaml?: string;
  /** Files written under outDir, per platform. */
  files: Array<{ platform: string; path: string }>;
  notes: string[];
  warnings: Diagnostic[];
  /** With a Kubernetes output: the label of each set. */
  sets?: GeneratedSet[];
}

export async function generate(opts: GenerateOptions): Promise<GenerateResult> {
  if (opts.output && opts.output !== 'spec') return generateNodeSelection(opts, opts.output);
  if (opts.spec !== undefined) {
    throw new InputError(
      `${setting('spec')} is read only for the node-feature-rule and node-affinity outputs`,
    );
  }
  const file = opts.config ?? DEFAULT_CONFIG_PATH;
  const { config, warnings } = await loadConfig(file);
  const notes = new Set<string>();
  const compile = (platform?: string) => {
    const r = compileConfig(config, platform ? { platform } : {});
    r.notes.forEach((n) => notes.add(n));
    if (!r.spec.compatibilities.length) throw noSetApplies(file, config, platform);
    // A safety net: what we emit must be a spec our own (strict) spec parser accepts.
    parseSpec(serializeSpec(r.spec), `<spec generated from ${file}>`);
    return r.spec;
  };

  if (opts.platform !== undefined) {
    if (!tryParsePlatform(opts.platform)) {
      throw new InputError(
        `${setting('platform')} "${opts.platform}" is not os/arch[/variant]`,
        {},
        'e.g. linux/amd64',
      );
    }
    const spec = compile(opts.platform);
    const yaml = serializeSpec(spec);
    const files = opts.outDir ? [await writeSpec(opts.outDir, opts.platform, yaml)] : [];
    return { yaml: opts.outDir ? undefined : yaml, files, notes: [...notes], warnings };
  }

  const platforms = declaredPlatforms(config);
  const perPlatform = platforms
    .filter((platform) => compileConfig(config, { platform }).spec.compatibilities.length)
    .map((platform) => ({ platform, spec: compile(platform) }));
  const yamls = perPlatform.map((p) => ({ platform: p.platform, yaml: serializeSpec(p.spec) }));
  const same = new Set(yamls.map((y) => y.yaml)).size <= 1;

  if (opts.outDir) {
    const files = [];
    if (!yamls.length) files.push(await writeSpec(opts.outDir, '', serializeSpec(compile())));
    for (const y of yamls) files.push(await writeSpec(opts.outDir, y.platform, y.yaml));
    return { files, notes: [...notes], warnings };
  }
  if (!same) {
    throw new InputError(
      `the specs of the platforms differ (${yamls.map((y) => y.platform).join(', ')})`,
      { file },
      `give ${setting('platform')} for one of them, or ${setting('out-dir')} for one file per platform`,
    );
  }
  return { yaml: yamls[0]?.yaml ?? serializeSpec(compile()), files: [], notes: [...notes], warnings };
}

/** The one spec a Kubernetes output describes: the spec file, or the config's for one platform. */
async function generateNodeSelection(
  opts: GenerateOptions,
  output: NodeSelectionOutput,
): Promise<GenerateResult> {
  if (opts.outDir !== undefined) {
    throw new InputError(
      `${setting('out-dir')} writes spec files; the ${output} output goes to standard output`,
    );
  }
  if (!opts.name) {
    throw new InputError(
      `the ${output} output needs the image's name for its labels (${setting('name')})`,
      {},
      `e.g. ${setting('name')} app`,
    );
  }
  let spec: Spec;
  let notes: string[] = [];
  let warnings: Diagnostic[] = [];
  let platforms = opts.platform !== undefined ? [opts.platform] : [];
  if (opts.spec !== undefined) {
    spec = parseSpec(await readSource(opts.spec), opts.spec);
  } else {
    const r = await generate({ ...opts, output: 'spec' });
    notes = r.notes;
    warnings = r.warnings;
    spec = parseSpec(r.yaml!, `<spec generated from ${opts.config ?? DEFAULT_CONFIG_PATH}>`);
    // Without --platform the spec is the same for every declared platform (else generate refused).
    if (!platforms.length)
      platforms = declaredPlatforms((await loadConfig(opts.config ?? DEFAULT_CONFIG_PATH)).config);
  }
  const r = renderNodeSelection(spec, {
    output,
    name: opts.name,
    ...(opts.labelPrefix !== undefined && { labelPrefix: opts.labelPrefix }),
    platforms,
  });
  return { yaml: r.yaml, files: [], notes: [...notes, ...r.notes], warnings, sets: r.sets };
}

/** Writes atomically (temp file + rename): a reader never sees half a spec. */
async function writeSpec(
  dir: string,
  platform: string,
  yaml: string,
): Promise<{ platform: string; path: string }> {
  const target = path.join(dir, platform ? platformFileName(platform) : 'spec.yaml');
  const tmp = `${target}.${process.pid}.tmp`;
  await makeFolder(dir, { what: setting('out-dir') });
  await writeOutput(tmp, yaml, { what: 'the spec' });
  await onOutput(target, () => rename(tmp, target), { what: 'the spec' });
  return { platform, path: target };
}
