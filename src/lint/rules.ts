// Lint for NFD rules (in specs and in a config's raw `rules:`): the mistakes that make a rule never
// match on a real host, though NFD accepts it silently: `In` on a flag, `GenuineIntel`, a 6-digit
// PCI class, a feature no source provides, `vfio-pci` in /proc/modules; and `type: version` on
// kernel.version `full`, which fails to evaluate on RHEL kernels. (NFD's evaluation errors
// and unquoted `1.10` or `y`, which NFD reads as "1.1" and "true", are the spec room's checks:
// src/spec/checks.ts and src/spec/yaml11.ts; specs reach us already read as NFD reads them.)
import { catalogEntry, CPUID_FLAGS, FEATURE_CATALOG, isKnownKey } from '../features/catalog.js';
import {
  closest,
  positionOf,
  valueAt,
  type Diagnostic,
  type PathSegment,
  type SourceDocument,
} from '../spec/document.js';
import {
  CPUID_VENDOR_STRINGS,
  NFD_CPU_VENDOR_IDS,
  normaliseCpuFlag,
  normaliseModule,
} from '../config/vocabulary.js';
import { lintVarsTemplate } from './template.js';
import { quote } from '../io/limits.js';

interface Ctx {
  src: SourceDocument;
  out: Diagnostic[];
}

function add(
  ctx: Ctx,
  severity: Diagnostic['severity'],
  path: PathSegment[],
  message: string,
  hint?: string,
  key = false,
) {
  ctx.out.push({ severity, message, position: positionOf(ctx.src, path, { key }), hint });
}

/** Lints the rules list at `rulesPath` of the document. */
export function lintRules(src: SourceDocument, rulesPath: PathSegment[]): Diagnostic[] {
  const ctx: Ctx = { src, out: [] };
  const rules = valueAt(src.value, rulesPath);
  if (!Array.isArray(rules)) return ctx.out;
  rules.forEach((rule, i) => {
    if (!rule || typeof rule !== 'object') return;
    const rp = [...rulesPath, i];
    const r = rule as { matchFeatures?: unknown; matchAny?: unknown };
    ctx.out.push(...lintVarsTemplate(src, rp, rule));
    lintTerms(ctx, r.matchFeatures, [...rp, 'matchFeatures']);
    if (Array.isArray(r.matchAny)) {
      r.matchAny.forEach((a, j) =>
        lintTerms(ctx, (a as { matchFeatures?: unknown })?.matchFeatures, [
          ...rp,
          'matchAny',
          j,
          'matchFeatures',
        ]),
      );
    }
  });
  return ctx.out;
}

function lintTerms(ctx: Ctx, terms: unknown, path: PathSegment[]): void {
  if (!Array.isArray(terms)) return;
  terms.forEach((t, j) => {
    if (!t || typeof t !== 'object') return;
    const term = t as { feature?: unknown; matchExpressions?: unknown; matchName?: unknown };
    const tp = [...path, j];
    if (typeof term.feature !== 'string') return;
    const entry = catalogEntry(term.feature);
    if (!entry) {
      const close = closest(term.feature, [...FEATURE_CATALOG.keys()]);
      add(
        ctx,
        'warning',
        [...tp, 'feature'],
        `no feature source provides ${quote(term.feature)}: the term never matches`,
        close ? `did you mean ${close}?` : undefined,
      );
    }
    if (term.matchExpressions && typeof term.matchExpressions === 'object') {
      for (const [key, e] of Object.entries(term.matchExpressions as Record<string, unknown>)) {
        lintExpression(ctx, term.feature, key, e, [...tp, 'matchExpressions', key]);
      }
    }
    if (term.matchName && typeof term.matchName === 'object') {
      lintExpression(ctx, term.feature, undefined, term.matchName, [...tp, 'matchName']);
    }
  });
}

function lintKey(ctx: Ctx, feature: string, key: string, path: PathSegment[]): void {
  const entry = catalogEntry(feature);
  if (!entry) return;
  const name = entry.name;
  if (name === 'kernel.loadedmodule' && key.includes('-')) {
    add(
      ctx,
      'warning',
      path,
      `/proc/modules lists module names with underscores: ${quote(key)} never matches`,
      `did you mean ${normaliseModule(key)}?`,
      true,
    );
    return;
  }
  if (name === 'kernel.enabledmodule' && key.includes('-')) {
    add(
      ctx,
      'warning',
      path,
      `${quote(key)} matches only a builtin module; a loaded one is listed as ${normaliseModule(key)}`,
      `did you mean ${normaliseModule(key)}?`,
      true,
    );
    return;
  }
  if (name === 'kernel.config' && key.startsWith('CONFIG_')) {
    add(
      ctx,
      'warning',
      path,
      `kernel.config keys have no CONFIG_ prefix: ${quote(key)} never matches`,
      `did you mean ${key.slice(7)}?`,
      true,
    );
    return;
  }
  if (name === 'cpu.cpuid' && !isKnownKey(entry, key)) {
    const normal = normaliseCpuFlag(key);
    const hint = CPUID_FLAGS.includes(normal) ? normal : closest(key, CPUID_FLAGS);
    add(
      ctx,
      'warning',
      path,
      `${quote(key)} is not a CPU flag NFD reports`,
      hint ? `did you mean ${hint}?` : undefined,
      true,
    );
    return;
  }
  if (!isKnownKey(entry, key)) {
    const close = closest(key, entry.keys) ?? entry.keys.find((k) => k.startsWith(key) || key.startsWith(k));
    add(
      ctx,
      'warning',
      path,
      `${name} has no key ${quote(key)}`,
      close ? `did you mean ${close}?` : `known keys: ${entry.keys.join(', ')}`,
      true,
    );
  }
}

function lintExpression(
  ctx: Ctx,
  feature: string,
  key: string | undefined,
  raw: unknown,
  path: PathSegment[],
): void {
  if (key !== undefined) lintKey(ctx, feature, key, path);
  if (!raw || typeof raw !== 'object') return;
  const e = raw as { op?: unknown; value?: unknown; type?: unknown };
  const op = typeof e.op === 'string' ? e.op : undefined;
  const values = Array.isArray(e.value) ? (e.value as unknown[]) : [];
  const strings = values.map(String);
  const entry = catalogEntry(feature);

  if (!op) return;

  if (key === undefined || !entry) return;
  if (
    entry.name === 'kernel.version' &&
    key === 'full' &&
    e.type === 'version' &&
    ['Gt', 'Ge', 'Lt', 'Le', 'GtLt', 'GeLe'].includes(op)
  ) {
    // NFD's version parser rejects `el8_10` (an underscore in the pre-release): an error, not a verdict.
    add(
      ctx,
      'warning',
      [...path, 'type'],
      'RHEL kernels such as 4.18.0-553.el8_10.x86_64 are not versions to NFD: the evaluation fails on them',
      'compare kernel.version.major/minor/revision as integers instead',
    );
  }
  // Rules that can never match on a real host.
  const isFlag = entry.kind === 'flag' && !(entry.name === 'cpu.cpuid' && key === 'AVX10_VERSION');
  if (isFlag && !['Exists', 'DoesNotExist'].includes(op)) {
    add(
      ctx,
      'warning',
      [...path, 'op'],
      `${entry.name} is a flag feature: flags carry no value, so ${op} never matches`,
      'use op: Exists',
    );
  }
  if (entry.name === 'cpu.model' && key === 'vendor_id' && ['In', 'NotIn'].includes(op)) {
    strings.forEach((s, i) => {
      const nfd = CPUID_VENDOR_STRINGS[s];
      if (nfd)
        add(
          ctx,
          'warning',
          [...path, 'value', i],
          `NFD reports vendor_id "${nfd}", never "${s}"`,
          `did you mean ${nfd}?`,
        );
      else if (!NFD_CPU_VENDOR_IDS.includes(s)) {
        const close = closest(s, NFD_CPU_VENDOR_IDS);
        add(
          ctx,
          'warning',
          [...path, 'value', i],
          `NFD never reports vendor_id "${s}"`,
          close ? `did you mean ${close}?` : undefined,
        );
      }
    });
  }
  if (
    ['pci.device', 'usb.device'].includes(entry.name) &&
    ['vendor', 'device', 'class', 'subsystem_vendor', 'subsystem_device'].includes(key) &&
    ['In', 'NotIn'].includes(op)
  ) {
    strings.forEach((s, i) => {
      const vp = [...path, 'value', i];
      if (/^0x/i.test(s))
        add(
          ctx,
          'warning',
          vp,
          `NFD strips 0x from PCI ids: "${s}" never matches`,
          `did you mean ${s.slice(2).toLowerCase()}?`,
        );
      else if (key === 'class' && entry.name === 'pci.device' && /^[0-9a-fA-F]{6}$/.test(s)) {
        add(
          ctx,
          'warning',
          vp,
          `NFD reports the PCI class as 4 hex digits: "${s}" never matches`,
          `did you mean ${s.slice(0, 4).toLowerCase()}?`,
        );
      } else if (/[A-F]/.test(s) && /^[0-9a-fA-F]+$/.test(s)) {
        add(
          ctx,
          'warning',
          vp,
          `NFD reports PCI ids in lower case: "${s}" never matches`,
          `did you mean ${s.toLowerCase()}?`,
        );
      }
    });
  }
}
