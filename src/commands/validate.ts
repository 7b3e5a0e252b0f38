// `validate`: an image compatibility spec against the features of one host or many nodes. Typed
// options in, typed result out, no printing: the CLI (and later other spec and host sources)
// build the inputs; the report room prints the result.
import { EvaluationError, InputError } from '../errors.js';
import type { UnavailableSource } from '../features/index.js';
import type { HostFeatures } from '../features/snapshot.js';
import { compileSpec, evaluateSpec, isCompatible, selectSets } from '../match/index.js';
import type { CompatibilityResult } from '../match/types.js';
import type { Spec } from '../spec/types.js';
import { setting, type Setting } from '../settings.js';

export interface ValidateOptions {
  spec: Spec;
  hosts: HostFeatures[];
  /** Evaluate only the sets with these tags (NFD's --tags). */
  tags?: string[];
  /** The setting that gave `tags` (`compatibility`: one set), for messages; default `tags`. */
  tagsFrom?: Extract<Setting, 'tags' | 'compatibility'>;
  /**
   * Why the host cannot run the image's platform (`host is linux/amd64, image platform is
   * linux/arm64`): the platform is a requirement, so every host is incompatible whatever the rules say.
   */
  platformRefusal?: (host: HostFeatures) => string | undefined;
}

export interface SelectedSet {
  /** 0-based index in spec.compatibilities. */
  index: number;
  tag?: string;
  description?: string;
  weight?: number;
}

export interface HostVerdict {
  /** Node name; empty for a bare Features snapshot. */
  node: string;
  compatible: boolean;
  /** NFD's validate-node result array (with hostValues), one entry per selected set. */
  results: CompatibilityResult[];
  /** Indexes into ValidateResult.sets of the sets whose rules all match. */
  matchingSets: number[];
  /** Feature sources that could not be read on this host (the verdict is still NFD's). */
  unavailable: UnavailableSource[];
  /** Set when the host cannot run the image's platform (then `compatible` is false). */
  refusal?: string;
}

export interface ValidateResult {
  sets: SelectedSet[];
  hosts: HostVerdict[];
  /** Every host is compatible. */
  compatible: boolean;
  compatibleCount: number;
}

export function validate(opts: ValidateOptions): ValidateResult {
  if (opts.hosts.length === 0) throw new InputError('no host features to validate against');
  const selected = selectSets(opts.spec, opts.tags);
  if (opts.tags?.length && selected.length === 0) {
    const known = opts.spec.compatibilities.map((c) => c.tag).filter((t): t is string => !!t);
    throw new InputError(
      `${setting(opts.tagsFrom ?? 'tags')} ${opts.tags.join(',')} selects no compatibility set`,
      {},
      known.length ? `tags in the spec: ${[...new Set(known)].join(', ')}` : 'no set in the spec has a tag',
    );
  }
  const sets: SelectedSet[] = selected.map(({ set, index }) => ({
    index,
    ...(set.tag !== undefined ? { tag: set.tag } : {}),
    ...(set.description !== undefined ? { description: set.description } : {}),
    ...(set.weight !== undefined ? { weight: set.weight } : {}),
  }));
  const spec = compileSpec(opts.spec); // once for all hosts
  const hosts = opts.hosts.map((host): HostVerdict => {
    let results: CompatibilityResult[];
    try {
      results = evaluateSpec(spec, host.features, { tags: opts.tags });
    } catch (err) {
      if (err instanceof EvaluationError && opts.hosts.length > 1) {
        throw new EvaluationError(`node ${JSON.stringify(host.name)}: ${err.message}`, err.context);
      }
      throw err;
    }
    const matchingSets = results.flatMap((r, i) => (r.rules.every((rule) => rule.isMatch) ? [i] : []));
    const unavailable = host.unavailable ?? [];
    const refusal = opts.platformRefusal?.(host);
    if (refusal !== undefined)
      return { node: host.name, compatible: false, results, matchingSets, unavailable, refusal };
    return { node: host.name, compatible: isCompatible(results), results, matchingSets, unavailable };
  });
  const compatibleCount = hosts.filter((h) => h.compatible).length;
  return { sets, hosts, compatible: compatibleCount === hosts.length, compatibleCount };
}
