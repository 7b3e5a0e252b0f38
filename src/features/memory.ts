// Source `memory`: memory.numa, memory.swap, memory.hugepages (attributes) and memory.nv
// (NVDIMM instances), as NFD reads them (source/memory).
import type { HostRoot } from './host-root.js';
import type { Features } from './types.js';
import { attributeSet, instanceSet, newFeatures, prefix } from './feature-set.js';

/** `2048kB` -> `2Mi`, as Kubernetes' resource.Quantity prints `2048Ki` (hugepages-<size>). */
export function hugepageSize(dirName: string): string | undefined {
  const m = /^hugepages-(\d+)kB$/.exec(dirName);
  if (!m) return undefined;
  let n = Number(m[1]);
  const units = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
  let u = 0;
  while (n > 0 && n % 1024 === 0 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${n}${units[u]}`;
}

function numa(root: HostRoot): Record<string, string> | undefined {
  try {
    const nodes = root.list('/sys/bus/node/devices');
    return { is_numa: String(nodes.length > 1), node_count: String(nodes.length) };
  } catch (err) {
    root.markUnavailable('memory.numa', root.describe(err));
    return undefined;
  }
}

function swap(root: HostRoot): Record<string, string> | undefined {
  try {
    const lines = root
      .readText('/proc/swaps')
      .split('\n')
      .filter((l) => l.trim() !== '');
    // A header line, then one line per swap area.
    return { enabled: String(lines.length > 1) };
  } catch (err) {
    root.markUnavailable('memory.swap', root.describe(err));
    return undefined;
  }
}

function hugepages(root: HostRoot): Record<string, string> | undefined {
  const out: Record<string, string> = { enabled: 'false' };
  const base = '/sys/kernel/mm/hugepages';
  let dirs: string[];
  try {
    dirs = root.list(base);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
    root.markUnavailable('memory.hugepages', root.describe(err));
    return undefined;
  }
  for (const d of dirs) {
    if (!root.isDir(`${base}/${d}`)) continue;
    const size = hugepageSize(d);
    if (!size) continue;
    const total = root.readAttr(`${base}/${d}/nr_hugepages`) ?? '';
    out[`hugepages-${size}`] = total;
    if (/^\d+$/.test(total) && Number(total) > 0) out.enabled = 'true';
  }
  return out;
}

function nv(root: HostRoot): Array<Record<string, string>> | undefined {
  let devices: string[];
  try {
    devices = root.list('/sys/bus/nd/devices');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    root.markUnavailable('memory.nv', root.describe(err));
    return undefined;
  }
  return devices.map((name) => {
    const attrs: Record<string, string> = { name };
    for (const a of ['devtype', 'mode']) {
      const v = root.readAttr(`/sys/bus/nd/devices/${name}/${a}`);
      if (v !== undefined) attrs[a] = v;
    }
    return attrs;
  });
}

export function collect(root: HostRoot): Features {
  const f = newFeatures();
  const n = numa(root);
  if (n) f.attributes['numa'] = attributeSet(n);
  const s = swap(root);
  if (s) f.attributes['swap'] = attributeSet(s);
  const nvs = nv(root);
  if (nvs) f.instances['nv'] = instanceSet(nvs);
  const hp = hugepages(root);
  if (hp) f.attributes['hugepages'] = attributeSet(hp);
  return prefix('memory', f);
}
