// One compiler per requirement of the config (kernel, cpu, gpu, pci, sriov, rdma, os, memory), each
// giving rules with stable names (`<set>/kernel-version`) whose terms use the names hosts report.
import { CPUID_FLAGS } from '../features/catalog.js';
import { closest, type PathSegment } from '../spec/document.js';
import type { FeatureMatcherTerm, MatchExpression, Rule } from '../spec/types.js';
import { expr, list, type Context, type KeyAlternatives } from './context.js';
import { kernelVersionAlternatives } from './kernel-version.js';
import {
  collect,
  escapeRe,
  featureAlternatives,
  indexed,
  integerAlternatives,
  lookup,
  pciClass,
  pciDevice,
  pciVendor,
  ruleOf,
  versionAlternatives,
} from './terms.js';
import type { OneOrMany, Range, Requirements } from './types.js';
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
  RDMA_LINK_LAYERS,
} from './vocabulary.js';
import { quote } from '../io/limits.js';

export function compileKernel(
  set: string,
  k: NonNullable<Requirements['kernel']>,
  path: PathSegment[],
  ctx: Context,
): Rule[] {
  const rules: Rule[] = [];
  if (k.version !== undefined) {
    // Integers, not `full` with `type: version`: see ./kernel-version.ts (RHEL releases).
    const alts = kernelVersionAlternatives(k.version, [...path, 'version'], ctx);
    if (alts) rules.push(ruleOf(`${set}/kernel-version`, alts));
  }
  if (k.modules !== undefined) {
    // kernel.enabledmodule = /proc/modules (underscores) + modules.builtin (file names, often
    // with dashes): a name with `-` or `_` is matched in either spelling by its own matchName term.
    const plain: Record<string, MatchExpression> = {};
    const spelled: FeatureMatcherTerm[] = [];
    for (const [m, p] of indexed(k.modules, [...path, 'modules'])) {
      const name = normaliseModule(m);
      if (!/^[\w-]+$/.test(m.trim())) {
        ctx.error(p, `${quote(m)} is not a kernel module name`);
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
        ctx.error(p, `${quote(option)} is not a kernel config option name`);
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

export function compileCpu(
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
        ctx.warn(
          p,
          `${quote(f)} is not a CPU flag NFD reports`,
          close ? `did you mean ${close}?` : undefined,
        );
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

export function compileGpu(
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
      `unknown GPU vendor ${quote(v)}`,
      close ? `did you mean ${quote(close)}?` : `known: ${Object.keys(GPU_VENDORS).join(', ')}`,
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
    warnBareVersions(r, field === 'driver' ? 'driver' : 'compute capability', [...path, field], ctx);
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

/**
 * A bare version (`525`, `8.0`) is every version it names (npm's partial versions: 525.x, 8.0.x),
 * which for a driver or a compute capability is rarely meant: `8.0` fails on an 8.6 or 9.0 GPU.
 */
function warnBareVersions(range: Range, what: string, path: PathSegment[], ctx: Context): void {
  for (const part of String(range).split('||')) {
    const v = part.trim();
    if (!/^v?\d+(\.\d+){0,2}$/.test(v)) continue;
    const next = v.split('.').length === 3 ? `${v} exactly` : `${v}.x only`;
    ctx.warn(
      path,
      `"${v}" is a bare version: it matches ${what} ${next}, not a later one`,
      `did you mean ">=${v}"?`,
    );
  }
}

function orderKeys(rec: Record<string, MatchExpression>, first: string[]): Record<string, MatchExpression> {
  const out: Record<string, MatchExpression> = {};
  for (const k of first) if (rec[k]) out[k] = rec[k];
  for (const k of Object.keys(rec)) if (!(k in out)) out[k] = rec[k]!;
  return out;
}

function pciTerm(
  d: { vendor?: OneOrMany<string>; device?: OneOrMany<string>; class?: OneOrMany<string> },
  path: PathSegment[],
  ctx: Context,
): Record<string, MatchExpression> {
  const m: Record<string, MatchExpression> = {};
  const vendors = collect(d.vendor, [...path, 'vendor'], (x, p) => pciVendor(x, p, ctx));
  if (vendors.length) m.vendor = expr('In', ...vendors);
  const devices = collect(d.device, [...path, 'device'], (x, p) => pciDevice(x, p, ctx));
  if (devices.length) m.device = expr('In', ...devices);
  const classes = collect(d.class, [...path, 'class'], (x, p) => pciClass(x, p, ctx));
  if (classes.length) m.class = expr('In', ...classes);
  return m;
}

export function compilePci(
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

export function compileSriov(
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
    if (s.vendor !== undefined || s.device !== undefined) {
      // network.device has no vendor in NFD's data model: the two are separate terms, which two
      // different NICs can satisfy (a Mellanox PF with 0 VFs and an Intel NIC with 8).
      ctx.warn(
        [...path, 'numVfs'],
        `NFD cannot tie numVfs to the ${s.vendor !== undefined ? 'vendor' : 'device'}: configured VFs are on network.device, which has no vendor or device id, so one NIC can have the ${s.vendor !== undefined ? 'vendor' : 'device'} and another the VFs`,
        'use vfs (VFs the device can have, on the same pci.device as the vendor) when the vendor matters',
      );
    }
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

export function compileRdma(
  set: string,
  r: true | NonNullable<Exclude<Requirements['rdma'], boolean>>,
  path: PathSegment[],
  ctx: Context,
): Rule {
  const m: Record<string, MatchExpression> = {};
  if (r === true || (r.vendor === undefined && r.linkLayer === undefined)) m.name = expr('Exists');
  if (r !== true && r.vendor !== undefined) {
    const vendors = collect(r.vendor, [...path, 'vendor'], (x, p) => pciVendor(x, p, ctx));
    if (vendors.length) m.vendor = expr('In', ...vendors);
  }
  if (r !== true && r.linkLayer !== undefined) {
    const l = lookup(RDMA_LINK_LAYERS, r.linkLayer, [...path, 'linkLayer'], ctx, 'RDMA link layer');
    if (l) m.link_layer = expr('In', l);
  }
  return { name: `${set}/rdma`, matchFeatures: [{ feature: 'rdma.device', matchExpressions: m }] };
}

export function compileOs(
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
        ctx.warn(q, `/etc/os-release spells ${quote(id)} as ${quote(alias)}`, `write ${alias}`);
        return alias;
      }
      if (!KNOWN_OS_IDS.includes(w)) {
        const close = closest(w, KNOWN_OS_IDS);
        ctx.warn(
          q,
          `${quote(id)} is not an os-release ID we know`,
          close ? `did you mean ${quote(close)}?` : undefined,
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

export function compileMemory(
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
  if (m.hugepages !== undefined) {
    // Either/or sizes: one matchAny alternative per size (`1G` -> hugepages-1Gi).
    const hp = [...path, 'hugepages'];
    const count = integerAlternatives(m.hugepages.count ?? '>=1', [...hp, 'count'], ctx);
    const keys = collect(
      m.hugepages.size,
      [...hp, 'size'],
      (size) => `hugepages-${size.trim().toUpperCase()}i`,
    );
    if (count) {
      const alternatives = keys.flatMap((key) =>
        featureAlternatives('memory.hugepages', {}, [{ key, alternatives: count }], hp, ctx),
      );
      rules.push(ruleOf(`${set}/memory-hugepage-sizes`, alternatives));
    }
  }
  return rules;
}

/** A raw rule as written, with `value` items made strings (NFD's are strings; YAML may say 1.1). */
