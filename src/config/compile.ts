// Compiles the declarative config into NFD v1alpha1 specs. Each requirement becomes one rule with a
// stable name (`<set>/kernel-version`, `<set>/gpu`), each set's `tag` is its name, and raw `rules:`
// are appended as written. Names are normalised to what hosts really report (./vocabulary.ts), and
// requirements NFD's sources cannot express use our own features (gpu.device, gpu.count,
// rdma.device): the result's notes say which rules `nfd compat validate-node` cannot check.
//
// Problems are collected, not thrown, each with the path of the field, so that `lint` can report
// them all at their lines; compileForPlatforms throws the first one.
import { InputError } from '../errors.js';
import { catalogEntry, CPUID_FLAGS, isOwnFeature } from '../features/catalog.js';
import { expressionProblems } from '../spec/checks.js';
import { closest, formatPath, type PathSegment } from '../spec/document.js';
import type { Compatibility, FeatureMatcherTerm, MatchExpression, Rule, Spec } from '../spec/types.js';
import { SPEC_VERSION } from '../spec/types.js';
import { platformMatches } from './platform.js';
import {
  integerExpressions,
  parseRange,
  RangeSyntaxError,
  singleVersionExpression,
  versionExpressions,
} from './range.js';
import type { CompatibilityConfig, ImageCompatConfig, OneOrMany, Range, Requirements } from './types.js';
import {
  CPU_VENDORS,
  GPU_PCI_CLASSES,
  GPU_VENDORS,
  KNOWN_OS_IDS,
  levelFlags,
  normaliseCpuFlag,
  normaliseKconfig,
  normaliseModule,
  OS_ID_ALIASES,
  PCI_CLASSES,
  PCI_VENDORS,
  RDMA_LINK_LAYERS,
} from './vocabulary.js';

export interface ConfigIssue {
  severity: 'error' | 'warning';
  message: string;
  path: PathSegment[];
  hint?: string;
}

export interface CompileResult {
  spec: Spec;
  /** What authors should know: rules NFD cannot check, NFD version needs. */
  notes: string[];
  issues: ConfigIssue[];
}

/** Most `||` combinations one rule may expand to (each is one matchAny element). */
export const MAX_ALTERNATIVES = 16;

class Context {
  readonly issues: ConfigIssue[] = [];
  /** Notes of the set being compiled (kept only when the set applies to the platform). */
  notes = new Set<string>();
  usesVersionType = false;

  error(path: PathSegment[], message: string, hint?: string): void {
    this.issues.push({ severity: 'error', message, path, hint });
  }
  warn(path: PathSegment[], message: string, hint?: string): void {
    this.issues.push({ severity: 'warning', message, path, hint });
  }
}

const list = <T>(v: OneOrMany<T> | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const expr = (op: MatchExpression['op'], ...value: string[]): MatchExpression =>
  value.length ? { op, value } : { op };

/** Expressions for one key: a list of `||` alternatives, each one or two expressions. */
type KeyAlternatives = { key: string; alternatives: MatchExpression[][] };

/** Compiles every set that applies to `platform` (all sets when none is given). */
export function compileConfig(config: ImageCompatConfig, opts: { platform?: string } = {}): CompileResult {
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
    const declared = set.platforms ?? config.platforms;
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
    if (opts.platform && declared && !declared.some((p) => platformMatches(p, opts.platform!))) return;
    compatibilities.push(compiled);
    ctx.notes.forEach((n) => notes.add(n));
    if (ctx.usesVersionType) versionType = true;
  });
  if (versionType) notes.add('rules with `type: version` need NFD v0.18 or later to evaluate');
  return { spec: { version: SPEC_VERSION, compatibilities }, notes: [...notes], issues: ctx.issues };
}

/** Every platform the config names (top-level and per set), sorted. */
export function declaredPlatforms(config: ImageCompatConfig): string[] {
  const all = new Set<string>(config.platforms ?? []);
  for (const set of config.compatibilities) for (const p of set.platforms ?? []) all.add(p);
  return [...all].sort();
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
  if (req.kernel) compileKernel(n, req.kernel, [...rp, 'kernel'], ctx).forEach(add);
  if (req.cpu) compileCpu(n, req.cpu, [...rp, 'cpu'], ctx).forEach(add);
  if (req.gpu) compileGpu(n, req.gpu, [...rp, 'gpu'], ctx).forEach(add);
  if (req.pci) add(compilePci(n, req.pci, [...rp, 'pci'], ctx));
  if (req.sriov) compileSriov(n, req.sriov, [...rp, 'sriov'], ctx).forEach(add);
  if (req.rdma !== undefined && req.rdma !== false) add(compileRdma(n, req.rdma, [...rp, 'rdma'], ctx));
  if (req.os) add(compileOs(n, req.os, [...rp, 'os'], ctx));
  if (req.memory) compileMemory(n, req.memory, [...rp, 'memory'], ctx).forEach(add);

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

// ---- building blocks ----------------------------------------------------------------------------

function versionAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
  instance: boolean,
): MatchExpression[][] | undefined {
  try {
    ctx.usesVersionType = true;
    return parseRange(range).map((iv) => {
      const one = instance ? singleVersionExpression(iv) : undefined;
      return one ? [one] : versionExpressions(iv);
    });
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
}

function integerAlternatives(
  range: Range,
  path: PathSegment[],
  ctx: Context,
): MatchExpression[][] | undefined {
  try {
    return integerExpressions(range).map((e) => [e]);
  } catch (err) {
    if (!(err instanceof RangeSyntaxError)) throw err;
    ctx.error(path, err.message, err.hint);
    return undefined;
  }
}

/**
 * Terms for one feature: `fixed` expressions plus ranged keys. Each combination of `||`
 * alternatives is one list of terms; a range needing two expressions on one key (Ge and Lt) puts
 * the second in a further term of the same feature.
 */
function featureAlternatives(
  feature: string,
  fixed: Record<string, MatchExpression>,
  ranged: KeyAlternatives[],
  path: PathSegment[],
  ctx: Context,
): FeatureMatcherTerm[][] {
  let combos: Array<Array<{ key: string; exprs: MatchExpression[] }>> = [[]];
  for (const r of ranged) {
    const next: typeof combos = [];
    for (const c of combos) for (const alt of r.alternatives) next.push([...c, { key: r.key, exprs: alt }]);
    combos = next;
  }
  if (combos.length > MAX_ALTERNATIVES) {
    ctx.error(
      path,
      `${combos.length} combinations of "||" alternatives; at most ${MAX_ALTERNATIVES} per rule`,
    );
    combos = combos.slice(0, MAX_ALTERNATIVES);
  }
  const instance = catalogEntry(feature)?.kind === 'instance';
  return combos.map((combo) => {
    const first: Record<string, MatchExpression> = { ...fixed };
    const extra: FeatureMatcherTerm[] = [];
    for (const { key, exprs } of combo) {
      first[key] = exprs[0]!;
      for (const e of exprs.slice(1)) extra.push({ feature, matchExpressions: { [key]: e } });
    }
    if (instance && extra.length) {
      ctx.notes.add(
        `${formatPath(path)}: a range with one inclusive and one exclusive bound on ${feature} needs two terms, which two different devices could satisfy`,
      );
    }
    return [{ feature, matchExpressions: first }, ...extra];
  });
}

/** A rule from alternatives of term lists: one alternative -> matchFeatures, several -> matchAny. */
function ruleOf(name: string, alternatives: FeatureMatcherTerm[][], common: FeatureMatcherTerm[] = []): Rule {
  if (alternatives.length <= 1) return { name, matchFeatures: [...common, ...(alternatives[0] ?? [])] };
  const rule: Rule = { name };
  if (common.length) rule.matchFeatures = common;
  rule.matchAny = alternatives.map((matchFeatures) => ({ matchFeatures }));
  return rule;
}

function lookup(
  table: Readonly<Record<string, string>>,
  word: string,
  path: PathSegment[],
  ctx: Context,
  what: string,
  accept?: (w: string) => string | undefined,
): string | undefined {
  const hit = table[word.trim().toLowerCase()] ?? accept?.(word.trim());
  if (hit) return hit;
  const close = closest(word, Object.keys(table));
  ctx.error(
    path,
    `unknown ${what} "${word}"`,
    close ? `did you mean "${close}"?` : `known: ${Object.keys(table).join(', ')}`,
  );
  return undefined;
}

const hexId = (w: string) =>
  /^(0x)?[0-9a-fA-F]{4}$/.test(w) ? w.replace(/^0x/, '').toLowerCase() : undefined;

function pciVendor(word: string, path: PathSegment[], ctx: Context): string | undefined {
  return lookup(PCI_VENDORS, word, path, ctx, 'PCI vendor', hexId);
}

function pciClass(word: string, path: PathSegment[], ctx: Context): string | undefined {
  const w = word.trim().toLowerCase().replace(/^0x/, '');
  if (PCI_CLASSES[w]) return PCI_CLASSES[w];
  if (/^[0-9a-f]{4}$/.test(w)) return w;
  if (/^[0-9a-f]{6}$/.test(w)) {
    ctx.warn(path, `PCI class "${word}" has 6 digits; NFD reports the first 4`, `write "${w.slice(0, 4)}"`);
    return w.slice(0, 4);
  }
  ctx.error(
    path,
    `"${word}" is not a PCI class`,
    `write 4 hex digits or one of: ${Object.keys(PCI_CLASSES).join(', ')}`,
  );
  return undefined;
}

function pciDevice(word: string, path: PathSegment[], ctx: Context): string | undefined {
  const id = hexId(word);
  if (!id) ctx.error(path, `"${word}" is not a PCI device id`, 'write 4 hex digits, e.g. 2330');
  return id;
}

function indexed<T>(v: OneOrMany<T>, path: PathSegment[]): Array<[T, PathSegment[]]> {
  return Array.isArray(v) ? v.map((x, i) => [x, [...path, i]]) : [[v, path]];
}

function collect<T>(
  v: OneOrMany<T> | undefined,
  path: PathSegment[],
  f: (x: T, p: PathSegment[]) => string | undefined,
): string[] {
  if (v === undefined) return [];
  const out: string[] = [];
  for (const [x, p] of indexed(v, path)) {
    const r = f(x, p);
    if (r !== undefined && !out.includes(r)) out.push(r);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}

// ---- requirements -------------------------------------------------------------------------------

function compileKernel(
  set: string,
  k: NonNullable<Requirements['kernel']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  if (k.version !== undefined) {
    const alts = versionAlternatives(k.version, [...path, 'version'], ctx, false);
    if (alts) {
      rules.push(
        ruleOf(
          `${set}/kernel-version`,
          featureAlternatives('kernel.version', {}, [{ key: 'full', alternatives: alts }], path, ctx),
        ),
      );
    }
  }
  if (k.modules !== undefined) {
    // kernel.enabledmodule = /proc/modules (underscores) + modules.builtin (file names, often
    // with dashes): a name with `-` or `_` is matched in either spelling by its own matchName term.
    const plain: Record<string, MatchExpression> = {};
    const spelled: FeatureMatcherTerm[] = [];
    for (const [m, p] of indexed(k.modules, [...path, 'modules'])) {
      const name = normaliseModule(m);
      if (!/^[\w-]+$/.test(m.trim())) {
        ctx.error(p, `"${m}" is not a kernel module name`);
        continue;
      }
      if (name.includes('_')) {
        const re = `^${name.split('_').map(escapeRe).join('[-_]')}$`;
        spelled.push({ feature: 'kernel.enabledmodule', matchName: expr('InRegexp', re) });
      } else {
        plain[name] = expr('Exists');
      }
    }
    const terms = Object.keys(plain).length
      ? [{ feature: 'kernel.enabledmodule', matchExpressions: plain }]
      : [];
    rules.push({ name: `${set}/kernel-modules`, matchFeatures: [...terms, ...spelled] });
  }
  if (k.loadedModules !== undefined) {
    const mods: Record<string, MatchExpression> = {};
    for (const [m] of indexed(k.loadedModules, [...path, 'loadedModules']))
      mods[normaliseModule(m)] = expr('Exists');
    rules.push({
      name: `${set}/kernel-loaded-modules`,
      matchFeatures: [{ feature: 'kernel.loadedmodule', matchExpressions: mods }],
    });
  }
  if (k.config !== undefined) {
    const opts: Record<string, MatchExpression> = {};
    for (const [option, value] of Object.entries(k.config)) {
      const p = [...path, 'config', option];
      const key = normaliseKconfig(option);
      if (!/^[A-Za-z0-9_]+$/.test(key)) {
        ctx.error(p, `"${option}" is not a kernel config option name`);
        continue;
      }
      if (value === true) {
        opts[key] = expr('In', 'y', 'm');
        continue;
      }
      if (value === false) {
        opts[key] = expr('DoesNotExist');
        continue;
      }
      const values = list(value).map(String);
      if (values.includes('n')) {
        if (values.length > 1)
          ctx.error(p, `"n" (not set) cannot be combined with other values`, 'write n alone');
        opts[key] = expr('DoesNotExist');
      } else {
        opts[key] = expr('In', ...values);
      }
    }
    rules.push({
      name: `${set}/kernel-config`,
      matchFeatures: [{ feature: 'kernel.config', matchExpressions: opts }],
    });
  }
  return rules;
}

function compileCpu(
  set: string,
  c: NonNullable<Requirements['cpu']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  if (c.vendor !== undefined) {
    const ids = collect(c.vendor, [...path, 'vendor'], (v, p) =>
      lookup(CPU_VENDORS, v, p, ctx, 'CPU vendor'),
    );
    if (ids.length) {
      rules.push({
        name: `${set}/cpu-vendor`,
        matchFeatures: [{ feature: 'cpu.model', matchExpressions: { vendor_id: expr('In', ...ids) } }],
      });
    }
  }
  if (c.model !== undefined) {
    const m: Record<string, MatchExpression> = {};
    if (c.model.family !== undefined) m.family = expr('In', ...list(c.model.family).map(String));
    if (c.model.id !== undefined) m.id = expr('In', ...list(c.model.id).map(String));
    rules.push({ name: `${set}/cpu-model`, matchFeatures: [{ feature: 'cpu.model', matchExpressions: m }] });
  }
  if (c.level !== undefined) {
    const flags: Record<string, MatchExpression> = {};
    for (const f of levelFlags(c.level)) flags[f] = expr('Exists');
    rules.push({
      name: `${set}/cpu-level`,
      matchFeatures: [{ feature: 'cpu.cpuid', matchExpressions: flags }],
    });
  }
  if (c.flags !== undefined) {
    const flags: Record<string, MatchExpression> = {};
    for (const [f, p] of indexed(c.flags, [...path, 'flags'])) {
      const name = normaliseCpuFlag(f);
      if (!CPUID_FLAGS.includes(name)) {
        const close = closest(name, CPUID_FLAGS);
        ctx.warn(p, `"${f}" is not a CPU flag NFD reports`, close ? `did you mean ${close}?` : undefined);
      }
      flags[name] = expr('Exists');
    }
    rules.push({
      name: `${set}/cpu-flags`,
      matchFeatures: [{ feature: 'cpu.cpuid', matchExpressions: flags }],
    });
  }
  return rules;
}

function compileGpu(
  set: string,
  g: NonNullable<Requirements['gpu']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  const vendors = collect(g.vendor, [...path, 'vendor'], (v, p) => {
    const hit = GPU_VENDORS[v.trim().toLowerCase()];
    if (hit) return v.trim().toLowerCase();
    const close = closest(v, Object.keys(GPU_VENDORS));
    ctx.error(
      p,
      `unknown GPU vendor "${v}"`,
      close ? `did you mean "${close}"?` : `known: ${Object.keys(GPU_VENDORS).join(', ')}`,
    );
    return undefined;
  });
  const ids = vendors.map((v) => GPU_VENDORS[v]!.pci);
  // NFD can see a GPU's vendor and class: pci.device, which validate-node checks. Without a vendor,
  // any GPU vendor's: a server's BMC (ASPEED 1a03) and QEMU's VGA (1234) are class 0300 too.
  const pci: Record<string, MatchExpression> = {};
  pci.vendor = expr('In', ...(ids.length ? ids : Object.values(GPU_VENDORS).map((v) => v.pci)));
  pci.class = expr('In', ...GPU_PCI_CLASSES);
  rules.push({ name: `${set}/gpu`, matchFeatures: [{ feature: 'pci.device', matchExpressions: pci }] });

  // Driver, compute capability, model, memory: only our gpu.device has them, on one device.
  const fixed: Record<string, MatchExpression> = {};
  const ranged: KeyAlternatives[] = [];
  if (ids.length && (g.driver ?? g.computeCapability ?? g.model ?? g.memory) !== undefined) {
    fixed.vendor = expr('In', ...ids);
  }
  if (g.model !== undefined) {
    const models = list(g.model).map((m) => `(?i)${escapeRe(m.trim())}`);
    fixed.model = expr('InRegexp', ...models);
  }
  const versioned: Array<[keyof typeof g, string]> = [
    ['driver', 'driver_version'],
    ['computeCapability', 'compute_capability'],
  ];
  for (const [field, key] of versioned) {
    const r = g[field] as Range | undefined;
    if (r === undefined) continue;
    const alts = versionAlternatives(r, [...path, field], ctx, true);
    if (alts) ranged.push({ key, alternatives: alts });
  }
  if (g.memory !== undefined) {
    const alts = integerAlternatives(g.memory, [...path, 'memory'], ctx);
    if (alts) ranged.push({ key: 'memory_mib', alternatives: alts });
  }
  if (Object.keys(fixed).length || ranged.length) {
    const ordered = orderKeys(fixed, ['vendor', 'model']);
    rules.push(ruleOf(`${set}/gpu-device`, featureAlternatives('gpu.device', ordered, ranged, path, ctx)));
  }
  if (g.count !== undefined) {
    const alts = integerAlternatives(g.count, [...path, 'count'], ctx);
    // At least one GPU is what the pci.device rule already says: no need for our gpu.count.
    const trivial = alts?.length === 1 && alts[0]![0]!.op === 'Ge' && Number(alts[0]![0]!.value![0]) <= 1;
    if (alts && !trivial) {
      const key = vendors.length === 1 ? (GPU_VENDORS[vendors[0]!]!.countKey ?? 'total') : 'total';
      rules.push(
        ruleOf(
          `${set}/gpu-count`,
          featureAlternatives('gpu.count', {}, [{ key, alternatives: alts }], path, ctx),
        ),
      );
    }
  }
  return rules;
}

function orderKeys(rec: Record<string, MatchExpression>, first: string[]): Record<string, MatchExpression> {
  const out: Record<string, MatchExpression> = {};
  for (const k of first) if (rec[k]) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out)) out[k] = rec[k]!;
  return out;
}

function pciTerm(
  d: { vendor?: string; device?: OneOrMany<string>; class?: OneOrMany<string> },
  path: PathSegment[],
  ctx: Context,
): Record<string, MatchExpression> {
  const m: Record<string, MatchExpression> = {};
  if (d.vendor !== undefined) {
    const v = pciVendor(d.vendor, [...path, 'vendor'], ctx);
    if (v) m.vendor = expr('In', v);
  }
  const devices = collect(d.device, [...path, 'device'], (x, p) => pciDevice(x, p, ctx));
  if (devices.length) m.device = expr('In', ...devices);
  const classes = collect(d.class, [...path, 'class'], (x, p) => pciClass(x, p, ctx));
  if (classes.length) m.class = expr('In', ...classes);
  return m;
}

function compilePci(
  set: string,
  devices: NonNullable<Requirements['pci']>,
  path: PathSegment[],
  ctx: Context,
): Rule {
  const terms = devices.map((d, i) => {
    const m = pciTerm(d, [...path, i], ctx);
    if (!Object.keys(m).length) ctx.error([...path, i], 'a PCI device needs a vendor, device or class');
    return { feature: 'pci.device', matchExpressions: m };
  });
  return { name: `${set}/pci`, matchFeatures: terms };
}

function compileSriov(
  set: string,
  s: NonNullable<Requirements['sriov']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  const fixed = pciTerm(s, path, ctx);
  const alts = integerAlternatives(s.vfs ?? '>=1', [...path, 'vfs'], ctx);
  if (alts) {
    rules.push(
      ruleOf(
        `${set}/sriov`,
        featureAlternatives('pci.device', fixed, [{ key: 'sriov_totalvfs', alternatives: alts }], path, ctx),
      ),
    );
  }
  if (s.numVfs !== undefined) {
    const num = integerAlternatives(s.numVfs, [...path, 'numVfs'], ctx);
    if (num) {
      rules.push(
        ruleOf(
          `${set}/sriov-numvfs`,
          featureAlternatives('network.device', {}, [{ key: 'sriov_numvfs', alternatives: num }], path, ctx),
        ),
      );
    }
  }
  return rules;
}

function compileRdma(
  set: string,
  r: true | NonNullable<Exclude<Requirements['rdma'], boolean>>,
  path: PathSegment[],
  ctx: Context,
): Rule {
  const m: Record<string, MatchExpression> = {};
  if (r === true || (r.vendor === undefined && r.linkLayer === undefined)) m.name = expr('Exists');
  if (r !== true && r.vendor !== undefined) {
    const v = pciVendor(r.vendor, [...path, 'vendor'], ctx);
    if (v) m.vendor = expr('In', v);
  }
  if (r !== true && r.linkLayer !== undefined) {
    const l = lookup(RDMA_LINK_LAYERS, r.linkLayer, [...path, 'linkLayer'], ctx, 'RDMA link layer');
    if (l) m.link_layer = expr('In', l);
  }
  return { name: `${set}/rdma`, matchFeatures: [{ feature: 'rdma.device', matchExpressions: m }] };
}

function compileOs(
  set: string,
  os: NonNullable<Requirements['os']>,
  path: PathSegment[],
  ctx: Context,
): Rule {
  const alternatives: FeatureMatcherTerm[][] = [];
  for (const [o, p] of indexed(os, path)) {
    const fixed: Record<string, MatchExpression> = {};
    const ids = collect(o.id, [...p, 'id'], (id, q) => {
      const w = id.trim().toLowerCase();
      const alias = OS_ID_ALIASES[w];
      if (alias && alias !== w) {
        ctx.warn(q, `/etc/os-release spells "${id}" as "${alias}"`, `write ${alias}`);
        return alias;
      }
      if (!KNOWN_OS_IDS.includes(w)) {
        const close = closest(w, KNOWN_OS_IDS);
        ctx.warn(
          q,
          `"${id}" is not an os-release ID we know`,
          close ? `did you mean "${close}"?` : undefined,
        );
      }
      return w;
    });
    if (ids.length) fixed.ID = expr('In', ...ids);
    const ranged: KeyAlternatives[] = [];
    if (o.version !== undefined) {
      const alts = versionAlternatives(o.version, [...p, 'version'], ctx, false);
      if (alts) ranged.push({ key: 'VERSION_ID', alternatives: alts });
    }
    if (!ids.length && !ranged.length) ctx.error(p, 'an os requirement needs an id or a version');
    alternatives.push(...featureAlternatives('system.osrelease', fixed, ranged, p, ctx));
  }
  return ruleOf(`${set}/os`, alternatives);
}

function compileMemory(
  set: string,
  m: NonNullable<Requirements['memory']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  if (m.numa !== undefined) {
    rules.push({
      name: `${set}/memory-numa`,
      matchFeatures: [
        { feature: 'memory.numa', matchExpressions: { is_numa: expr(m.numa ? 'IsTrue' : 'IsFalse') } },
      ],
    });
  }
  if (m.swap !== undefined) {
    rules.push({
      name: `${set}/memory-swap`,
      matchFeatures: [
        { feature: 'memory.swap', matchExpressions: { enabled: expr(m.swap ? 'IsTrue' : 'IsFalse') } },
      ],
    });
  }
  const ranged: KeyAlternatives[] = [];
  for (const [field, key] of [
    ['hugepages1G', 'hugepages-1Gi'],
    ['hugepages2M', 'hugepages-2Mi'],
  ] as const) {
    if (m[field] === undefined) continue;
    const alts = integerAlternatives(m[field]!, [...path, field], ctx);
    if (alts) ranged.push({ key, alternatives: alts });
  }
  if (ranged.length) {
    rules.push(
      ruleOf(`${set}/memory-hugepages`, featureAlternatives('memory.hugepages', {}, ranged, path, ctx)),
    );
  }
  return rules;
}

/** A raw rule as written, with `value` items made strings (NFD's are strings; YAML may say 1.1). */
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
