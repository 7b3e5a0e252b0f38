// Test helper for image selection: an index of candidate manifests pushed raw (several may share a
// platform: a generic and a CUDA build of linux/amd64), each index descriptor with its own
// annotations, and a compatibility artifact attached to any manifest or to the index itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  compatibilityReferrer,
  openRepository,
  packCompatibilityArtifact,
  parseReference,
  pushReferrer,
} from '../../src/oci/index.js';
import { pushTestImage, rawPushManifest, type RawDescriptor, type TestRegistry } from './registry.js';
import { attachSpec } from './signed-artifact.js';

export interface CandidateSpec {
  platform: string;
  /** A name that makes the manifest distinct (two builds of one platform). */
  build?: string;
  annotations?: Record<string, string>;
}

export interface PushedIndex {
  /** `host/repo:tag` */
  image: string;
  /** `host/repo` */
  repository: string;
  index: RawDescriptor;
  manifests: RawDescriptor[];
}

function platformOf(text: string): { os: string; architecture: string; variant?: string } {
  const [os, architecture, variant] = text.split('/') as [string, string, string?];
  return { os, architecture, ...(variant !== undefined && { variant }) };
}

/** Pushes one manifest per candidate and the index listing them in order. */
export async function pushCandidates(
  reg: Pick<TestRegistry, 'url' | 'host'>,
  repo: string,
  candidates: CandidateSpec[],
): Promise<PushedIndex> {
  const target = reg as TestRegistry;
  const manifests: RawDescriptor[] = [];
  for (const [i, c] of candidates.entries()) {
    const platform = platformOf(c.platform);
    const d = await pushTestImage(target, repo, `c${i}-${c.build ?? 'default'}`, platform);
    manifests.push({ ...d, platform, ...(c.annotations && { annotations: c.annotations }) });
  }
  const index = await rawPushManifest(target, repo, 'v1', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests,
  });
  return { image: `${reg.host}/${repo}:v1`, repository: `${reg.host}/${repo}`, index, manifests };
}

const dir = mkdtempSync(path.join(tmpdir(), 'ic-select-'));

/** Attaches a spec to one manifest (by digest). */
export async function attachTo(pushed: PushedIndex, digest: string, spec: string): Promise<void> {
  await attachSpec(`${pushed.repository}@${digest}`, spec, dir);
}

/** Attaches a spec to the index itself (the index is the artifact's subject). */
export async function attachToIndex(pushed: PushedIndex, spec: string): Promise<void> {
  const reference = parseReference(`${pushed.repository}@${pushed.index.digest}`);
  const repo = openRepository(reference, { plainHttp: true });
  const bytes = Buffer.from(spec);
  const packed = packCompatibilityArtifact({
    spec: bytes,
    subject: { mediaType: pushed.index.mediaType, digest: pushed.index.digest, size: pushed.index.size },
    created: new Date(),
  });
  await pushReferrer(repo, pushed.index.digest, compatibilityReferrer(packed, bytes), { settleMs: 0 });
}

/** A copy of a host fixture with some cpu flags removed (a host of a lower x86-64 level). */
export function withoutCpuFlags(fixture: string, flags: string[]): string {
  const doc = JSON.parse(readFileSync(fixture, 'utf8')) as {
    spec: { features: { flags: Record<string, { elements: Record<string, unknown> }> } };
  };
  const elements = doc.spec.features.flags['cpu.cpuid']!.elements;
  for (const f of flags) delete elements[f];
  const file = path.join(dir, `host-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

/** A spec of one set (`tag`, `weight`) whose one rule needs the cpu.cpuid flag or pci vendor given. */
export function specNeeding(
  tag: string,
  weight: number,
  need: { cpuFlag: string } | { pciVendor: string },
): string {
  const term =
    'cpuFlag' in need
      ? `- feature: cpu.cpuid\n            matchExpressions:\n              ${need.cpuFlag}: {op: Exists}`
      : `- feature: pci.device\n            matchExpressions:\n              vendor: {op: In, value: ["${need.pciVendor}"]}`;
  return `version: v1alpha1\ncompatibilities:\n  - tag: ${tag}\n    weight: ${weight}\n    rules:\n      - name: ${tag}-needs\n        matchFeatures:\n          ${term}\n`;
}
