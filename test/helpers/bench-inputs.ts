// The evaluation benchmark's inputs (scripts/bench-evaluate.mjs bundles this file), shared with
// the identity test that compares the compiled evaluator with the reference one on them.
import type { Features } from '../../src/features/types.js';
import type { Spec } from '../../src/spec/types.js';

const hex = (n: number): string => n.toString(16).padStart(4, '0');

/** A host with `pciCount` PCI instances and the usual CPU / kernel features. */
export function hostFeatures(seed = 0, pciCount = 500): Features {
  const cpuid = Object.fromEntries(
    ['AVX', 'AVX2', 'AVX512F', 'FMA3', 'SSE42', 'AESNI', 'SHA'].map((f) => [f, {}]),
  );
  const pci = Array.from({ length: pciCount }, (_, i) => ({
    attributes: {
      class: ['0200', '0302', '0108', '0604'][(i + seed) % 4]!,
      vendor: ['8086', '10de', '15b3', '1022'][(i * 7 + seed) % 4]!,
      device: hex((i * 31 + seed) % 4096),
      sriov_totalvfs: String((i + seed) % 64),
    },
  }));
  return {
    flags: {
      'cpu.cpuid': { elements: cpuid },
      'kernel.loadedmodule': { elements: { vfio_pci: {}, nvidia: {} } },
    },
    attributes: {
      'kernel.version': { elements: { full: '6.8.0-45-generic', major: '6', minor: '8' } },
      'cpu.model': { elements: { vendor_id: 'Intel', family: '6', id: '143' } },
    },
    instances: { 'pci.device': { elements: pci } },
  };
}

/**
 * n rules over 10 sets; each rule needs a PCI device (absent from the host, so every instance is
 * tried), a CPU flag and a kernel version. The device values repeat every 4,096 rules, or with
 * `distinct` never (each rule's list of terms its own: `npm run bench:evaluate -- --distinct`).
 */
export function specWith(n: number, distinct = false): Spec {
  const sets: Spec['compatibilities'] = Array.from({ length: 10 }, (_, s) => ({ tag: `set${s}`, rules: [] }));
  for (let i = 0; i < n; i++) {
    sets[i % 10]!.rules.push({
      name: `rule ${i}`,
      matchFeatures: [
        {
          feature: 'pci.device',
          matchExpressions: {
            vendor: { op: 'In', value: ['10de', '1002'] },
            device: { op: 'In', value: [`f${hex(i % 4096).slice(1)}`, distinct ? `r${i}` : 'ffff'] },
            sriov_totalvfs: { op: 'Ge', value: ['8'] },
          },
        },
        {
          feature: 'cpu.cpuid',
          matchExpressions: { AVX2: { op: 'Exists' } },
          matchName: { op: 'InRegexp', value: ['^AVX512'] },
        },
        {
          feature: 'kernel.version',
          matchExpressions: { full: { op: 'Ge', value: ['5.15'], type: 'version' } },
        },
      ],
    });
  }
  return { version: 'v1alpha1', compatibilities: sets } as Spec;
}
