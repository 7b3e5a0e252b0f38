// Fixture hosts (NodeFeature JSON in test/fixtures/config/hosts) and a helper that compiles a
// config and evaluates it on a host with the real evaluator.
import { readFileSync } from 'node:fs';
import { compileConfig } from '../../src/config/compile.js';
import type { ImageCompatConfig, Requirements } from '../../src/config/types.js';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import type { Features } from '../../src/features/types.js';
import { evaluateSpec, isCompatible } from '../../src/match/index.js';

export const HOSTS = ['h100-server', 'arm-server', 'vm', 'old-driver'] as const;
export type HostName = (typeof HOSTS)[number];

/** A fixture host, read by the snapshot reader `validate --features` uses (NodeFeature JSON). */
export function host(name: HostName): Features {
  const file = `test/fixtures/config/hosts/${name}.json`;
  const [snapshot] = parseFeaturesDocument(readFileSync(file, 'utf8'), file);
  return snapshot!.features;
}

export function configWith(require: Requirements): ImageCompatConfig {
  return { version: 1, compatibilities: [{ name: 't', require }] };
}

/** Compiles (no errors allowed) and evaluates on the host: whether the set matches. */
export function matches(config: ImageCompatConfig, features: Features, platform?: string): boolean {
  const r = compileConfig(config, platform ? { platform } : {});
  const errors = r.issues.filter((i) => i.severity === 'error');
  if (errors.length) throw new Error(errors.map((e) => e.message).join('; '));
  return isCompatible(evaluateSpec(r.spec, features));
}
