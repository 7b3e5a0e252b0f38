// The generated NodeFeatureRule, run as nfd-master runs it (failFast=true, vars and rule.matched
// chaining) over each cluster fixture with our own features read through NFD's local source,
// labels exactly the nodes `validate` calls compatible, set by set.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { compileForPlatforms } from '../../src/config/compile.js';
import { loadConfig } from '../../src/config/load.js';
import { validate } from '../../src/commands/validate.js';
import { parseFeaturesDocument, type HostFeatures } from '../../src/features/snapshot.js';
import {
  generateNodeFeatureRule,
  nfdView,
  ownFeaturesFromLocal,
  processNodeFeatureRules,
} from '../../src/kubernetes/index.js';
import { parseSpec } from '../../src/spec/parse.js';
import type { Spec } from '../../src/spec/types.js';

const HOSTS_DIR = 'examples/hosts';

function readHosts(file: string): HostFeatures[] {
  return parseFeaturesDocument(readFileSync(file, 'utf8'), file);
}

/** A NodeFeatureList of every single-host snapshot in a folder (as `kubectl get nodefeatures -o json`). */
function nodeFeatureList(dir: string): HostFeatures[] {
  const items = readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'cluster.json')
    .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as { metadata: { name: string } })
    .map((nf, i) => ({ ...nf, metadata: { ...nf.metadata, name: `${nf.metadata.name}-${i}` } }));
  const text = JSON.stringify({ apiVersion: 'nfd.k8s-sigs.io/v1alpha1', kind: 'NodeFeatureList', items });
  return parseFeaturesDocument(text, `${dir} as a NodeFeatureList`);
}

const clusters: Array<[string, HostFeatures[]]> = [
  ['examples/hosts/cluster.json', readHosts('examples/hosts/cluster.json')],
  ['examples/hosts/*.json as a NodeFeatureList', nodeFeatureList(HOSTS_DIR)],
  ['test/fixtures/config/hosts as a NodeFeatureList', nodeFeatureList('test/fixtures/config/hosts')],
];

async function specs(): Promise<Array<[string, Spec]>> {
  const out: Array<[string, Spec]> = [];
  for (const f of [
    'examples/specs/gpu.yaml',
    'examples/specs/kernel-module.yaml',
    'examples/specs/sriov.yaml',
    'test/fixtures/spec/valid.yaml',
    'test/fixtures/kubernetes/chaining.yaml',
  ]) {
    out.push([f, parseSpec(readFileSync(f, 'utf8'), f)]);
  }
  for (const f of readdirSync('examples/config').filter((n) => /^[^.].*\.yaml$/.test(n))) {
    const file = `examples/config/${f}`;
    let config;
    try {
      config = (await loadConfig(file)).config;
    } catch {
      continue; // not a compatibility config (a workflow matrix)
    }
    for (const [platform, spec] of compileForPlatforms(config)) out.push([`${file} (${platform})`, spec]);
  }
  return out;
}

describe('generated NodeFeatureRule labels exactly the nodes validate passes', () => {
  let all: Array<[string, Spec]>;
  beforeAll(async () => {
    all = await specs();
  });
  const seen = { labelled: 0, unlabelled: 0 };
  afterAll(() => {
    // The fixtures exercise both outcomes (an evaluator that labels nothing would pass otherwise).
    expect(seen.labelled).toBeGreaterThan(10);
    expect(seen.unlabelled).toBeGreaterThan(10);
  });

  test.each(clusters)('%s', (_name, hosts) => {
    expect(all.length).toBeGreaterThanOrEqual(8);
    for (const [specName, spec] of all) {
      const { object, sets } = generateNodeFeatureRule(spec, { name: 'app' });
      const verdict = validate({ spec, hosts });
      verdict.hosts.forEach((h, i) => {
        const out = processNodeFeatureRules([object], nfdView(hosts[i]!.features));
        const where = `${specName} on ${h.node}`;
        expect({ where, errors: out.errors }).toEqual({ where, errors: [] });
        const labelled = sets.flatMap((s, k) => (out.labels[s.label] === 'true' ? [k] : []));
        expect({ where, labelled }).toEqual({ where, labelled: h.matchingSets });
        expect({ where, compatible: labelled.length > 0 }).toEqual({ where, compatible: h.compatible });
        // validate on the cluster's NodeFeature (our features as local.feature keys) agrees too.
        const back = validate({
          spec,
          hosts: [{ ...hosts[i]!, features: ownFeaturesFromLocal(nfdView(hosts[i]!.features)) }],
        });
        expect({ where, matching: back.hosts[0]!.matchingSets }).toEqual({ where, matching: h.matchingSets });
        if (h.compatible) seen.labelled++;
        else seen.unlabelled++;
      });
    }
  });
});
