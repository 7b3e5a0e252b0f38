// Compiles the declarative config into NFD v1alpha1 specs. Each requirement becomes one rule with a
// stable name (`<set>/kernel-version`, `<set>/gpu`), each set's `tag` is its name, and raw `rules:`
// are appended as written. Names are normalised to what hosts really report (./vocabulary.ts), and
// requirements NFD's sources cannot express use our own features (gpu.device, gpu.count,
// rdma.device): the result's notes say which rules `nfd compat validate-node` cannot check.
//
// Problems are collected, not thrown, each with the path of the field, so that `lint` can report
// them all at their lines; compileForPlatforms throws the first one.
import { InputError } from '../errors.js';
import { isOwnFeature } from '../features/catalog.js';
import { expressionProblems } from '../spec/checks.js';
import { closest, formatPath, type PathSegment } from '../spec/document.js';
import type { Compatibility, FeatureMatcherTerm, MatchExpression, Rule, Spec } from '../spec/types.js';
import { SPEC_VERSION } from '../spec/types.js';
import { compileAnyOf } from './any-of.js';
import { Context, type CompileResult } from './context.js';
import { platformMatches } from '../platform/platform.js';
import {
  compileCpu,
  compileGpu,
  compileKernel,
  compileMemory,
  compileOs,
  compilePci,
  compileRdma,
  compileSriov,
} from './requirements.js';
import { setAppliesTo, setPlatforms, type ManifestTarget } from './targets.js';
import type { CompatibilityConfig, ImageCompatConfig, Requirements } from './types.js';

export { MAX_ALTERNATIVES, type CompileResult, type ConfigIssue } from './context.js';

export interface CompileFor {
  /** Only the sets for this platform (`platforms`, or the platforms of `targets`). */
  platform?: string;
  /** Only the sets for this manifest of the index: its `targets`, else its platform. */
  manifest?: ManifestTarget;
}

export function compileConfig(config: ImageCompatConfig, opts: CompileFor = {}): CompileResult {
  const ctx = new Context();
  const compatibilities: Compatibility[] = [];
  const notes = new Set<string>();
  let versionType = false;
  const seen = new Map<string, number>();
  config.compatibilities.forEach((set, i) => {
    const base: PathSegment[] = ['compatibilities', i];
    const previous = seen.get(set.name);
    if (previous !== undefined) {
      ctx.error(
        [...base, 'name'],
        `duplicate set name "${set.name}" (also compatibilities[${previous}]); names become tags and must be unique`,
      );
    }
    seen.set(set.name, i);
    const declared = setPlatforms(set, config);
    if (set.platforms && set.targets) {
      ctx.error(
        [...base, 'targets'],
        `set "${set.name}" has both platforms and targets`,
        'targets name platforms themselves: drop platforms',
      );
    }
    if (set.targets && config.platforms) {
      set.targets.forEach((t, j) => {
        if (t.platform !== undefined && !config.platforms!.some((q) => platformMatches(q, t.platform!))) {
          ctx.error(
            [...base, 'targets', j, 'platform'],
            `platform "${t.platform}" is not one of the image's platforms (${config.platforms!.join(', ')})`,
          );
        }
      });
    }
    if (set.platforms && config.platforms) {
      set.platforms.forEach((p, j) => {
        if (!config.platforms!.some((q) => platformMatches(p, q))) {
          ctx.error(
            [...base, 'platforms', j],
            `platform "${p}" is not one of the image's platforms (${config.platforms!.join(', ')})`,
            closest(p, config.platforms!) ? `did you mean "${closest(p, config.platforms!)}"?` : undefined,
          );
        }
      });
    }
    ctx.notes = new Set();
    ctx.usesVersionType = false;
    const compiled = compileSet(set, base, ctx);
    checkArchitecture(set, declared, base, ctx);
    if (!appliesTo(set, config, declared, opts)) return;
    compatibilities.push(compiled);
    ctx.notes.forEach((n) => notes.add(n));
    if (ctx.usesVersionType) versionType = true;
  });
  if (versionType) notes.add('rules with `type: version` need NFD v0.18 or later to evaluate');
  return { spec: { version: SPEC_VERSION, compatibilities }, notes: [...notes], issues: ctx.issues };
}

/** Whether a set goes into the spec compiled for `opts` (every set when it names nothing). */
function appliesTo(
  set: CompatibilityConfig,
  config: ImageCompatConfig,
  declared: string[] | undefined,
  opts: CompileFor,
): boolean {
  if (opts.manifest) return setAppliesTo(set, config, opts.manifest);
  return !opts.platform || !declared || declared.some((p) => platformMatches(p, opts.platform!));
}

/**
 * The spec for one manifest of an index (`attach --config`): the sets that target it, or apply to
 * its platform; undefined when none does. Throws the first error as an InputError.
 */
export function compileForManifest(
  config: ImageCompatConfig,
  manifest: ManifestTarget,
): { spec: Spec; notes: string[] } | undefined {
  const result = compileConfig(config, { manifest });
  const first = result.issues.find((i) => i.severity === 'error');
  if (first) throw new InputError(first.message, { path: formatPath(first.path) }, first.hint);
  return result.spec.compatibilities.length ? { spec: result.spec, notes: result.notes } : undefined;
}

/** Every platform the config names (top-level and per set), sorted. */
export function declaredPlatforms(config: ImageCompatConfig): string[] {
  const all = new Set<string>(config.platforms ?? []);
  for (const set of config.compatibilities) for (const p of setPlatforms(set, {}) ?? []) all.add(p);
  return [...all].sort();
}

/** No set of the config is for this platform: an error that says which platforms it has sets for. */
export function noSetApplies(file: string, config: ImageCompatConfig, platform?: string): InputError {
  const known = declaredPlatforms(config);
  return new InputError(
    platform
      ? `no compatibility set applies to platform ${platform}`
      : 'no compatibility set applies: the spec would be empty',
    { file },
    known.length ? `the config has sets for: ${known.join(', ')}` : undefined,
  );
}

/**
 * One spec per platform: for `attach --config`, pass the image index's platforms; without them,
 * the platforms the config names (or, when it names none, one entry under `''`, for every
 * platform). Platforms no set applies to are left out. Throws the first error as an InputError.
 */
export function compileForPlatforms(config: ImageCompatConfig, platforms?: string[]): Map<string, Spec> {
  const out = new Map<string, Spec>();
  const wanted = platforms ?? declaredPlatforms(config);
  for (const platform of wanted.length ? wanted : ['']) {
    const result = compileConfig(config, platform ? { platform } : {});
    const first = result.issues.find((i) => i.severity === 'error');
    if (first) throw new InputError(first.message, { path: formatPath(first.path) }, first.hint);
    if (result.spec.compatibilities.length) out.set(platform, result.spec);
  }
  return out;
}

function compileSet(set: CompatibilityConfig, base: PathSegment[], ctx: Context): Compatibility {
  const rules: Rule[] = [];
  const add = (rule: Rule | undefined) => {
    if (!rule) return;
    rules.push(rule);
    const features = new Set<string>();
    for (const t of rule.matchFeatures ?? []) features.add(t.feature);
    for (const a of rule.matchAny ?? []) for (const t of a.matchFeatures) features.add(t.feature);
    for (const f of [...features].sort()) {
      if (isOwnFeature(f)) {
        ctx.notes.add(
          `rule '${rule.name}' uses ${f}: nfd compat validate-node cannot check it (NFD has no such source and treats the term as not matching)`,
        );
      }
    }
  };
  const req: Requirements = set.require ?? {};
  const rp: PathSegment[] = [...base, 'require'];
  const n = set.name;
  compileRequirements(n, req, rp, ctx).forEach(add);

  const generated = new Set(rules.map((r) => r.name));
  (set.rules ?? []).forEach((raw, j) => {
    const path = [...base, 'rules', j];
    if (generated.has(raw.name)) {
      ctx.error([...path, 'name'], `rule name "${raw.name}" is already used in this set`);
    }
    generated.add(raw.name);
    add(passThrough(raw, path, ctx));
  });
  if (!rules.length && !Object.keys(req).length) {
    ctx.warn([...base, 'name'], `set "${n}" has no requirements and no rules: it matches every host`);
  }
  const out: Compatibility = {} as Compatibility;
  if (set.description !== undefined) out.description = set.description;
  out.tag = set.name;
  if (set.weight !== undefined) out.weight = set.weight;
  out.rules = rules;
  return out;
}

/** The rules of one group of requirements (a set's `require`, or one group of an `anyOf`). */
function compileRequirements(n: string, req: Requirements, rp: PathSegment[], ctx: Context): Rule[] {
  const rules: Rule[] = [];
  const add = (rule: Rule | undefined) => {
    if (rule) rules.push(rule);
  };
  if (req.kernel) compileKernel(n, req.kernel, [...rp, 'kernel'], ctx).forEach(add);
  if (req.cpu) compileCpu(n, req.cpu, [...rp, 'cpu'], ctx).forEach(add);
  if (req.gpu) compileGpu(n, req.gpu, [...rp, 'gpu'], ctx).forEach(add);
  if (req.pci) add(compilePci(n, req.pci, [...rp, 'pci'], ctx));
  if (req.sriov) compileSriov(n, req.sriov, [...rp, 'sriov'], ctx).forEach(add);
  if (req.rdma !== undefined && req.rdma !== false) add(compileRdma(n, req.rdma, [...rp, 'rdma'], ctx));
  if (req.os) add(compileOs(n, req.os, [...rp, 'os'], ctx));
  if (req.memory) compileMemory(n, req.memory, [...rp, 'memory'], ctx).forEach(add);
  if (req.anyOf) {
    const groupRules = (g: Requirements, p: PathSegment[]) => compileRequirements(n, g, p, ctx);
    add(compileAnyOf(n, req.anyOf, [...rp, 'anyOf'], ctx, groupRules));
  }
  return rules;
}

/** x86-64 levels on a set for other architectures: the rule can never match there. */
function checkArchitecture(
  set: CompatibilityConfig,
  platforms: string[] | undefined,
  base: PathSegment[],
  ctx: Context,
): void {
  const level = set.require?.cpu?.level;
  if (!level) return;
  const others = (platforms ?? []).filter((p) => !/^[a-z0-9]+\/(amd64|386)(\/|$)/.test(p));
  if (others.length) {
    ctx.warn(
      [...base, 'require', 'cpu', 'level'],
      `${level} never matches on ${others.join(', ')}`,
      'give this set platforms: [linux/amd64]',
    );
  }
}

function passThrough(raw: Rule, path: PathSegment[], ctx: Context): Rule {
  const fix = (e: MatchExpression, p: PathSegment[]): MatchExpression => {
    const strung = e.value ? { ...e, value: e.value.map(String) } : e;
    for (const problem of expressionProblems(strung)) {
      ctx.issues.push({ severity: problem.severity, message: problem.message, path: [...p, ...problem.at] });
    }
    if (!e.value) return e;
    const value = e.value.map((v, i) => {
      if (typeof v !== 'string') {
        ctx.warn(
          [...p, 'value', i],
          `value ${JSON.stringify(v)} is not a string; compiled as "${String(v)}"`,
          `quote it`,
        );
      }
      return String(v);
    });
    return { ...e, value };
  };
  const term = (t: FeatureMatcherTerm, p: PathSegment[]): FeatureMatcherTerm => {
    const out: FeatureMatcherTerm = { feature: t.feature };
    if (t.matchExpressions) {
      out.matchExpressions = Object.fromEntries(
        Object.entries(t.matchExpressions).map(([k, e]) => [k, fix(e, [...p, 'matchExpressions', k])]),
      );
    }
    if (t.matchName) out.matchName = fix(t.matchName, [...p, 'matchName']);
    return out;
  };
  const rule: Rule = { name: raw.name };
  if (raw.matchFeatures)
    rule.matchFeatures = raw.matchFeatures.map((t, i) => term(t, [...path, 'matchFeatures', i]));
  if (raw.matchAny) {
    rule.matchAny = raw.matchAny.map((a, i) => ({
      matchFeatures: a.matchFeatures.map((t, j) => term(t, [...path, 'matchAny', i, 'matchFeatures', j])),
    }));
  }
  if (raw.vars) rule.vars = raw.vars;
  if (raw.varsTemplate !== undefined) rule.varsTemplate = raw.varsTemplate;
  return rule;
}
