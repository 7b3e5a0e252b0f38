// `check --fleet-image`: the fleet rebuilt from the validation records attached to a published
// image gives the same fleet impact as `check --fleet` over the folder of the hosts that validated
// it (each host named by its record: `host-<digest prefix of its scrubbed features>`). Real
// docker-registry; records attached by `validate --attest --attest-key` from each host snapshot.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeaturesDocument } from '../../src/features/snapshot.js';
import { scrubFeatures } from '../../src/validation/scrub.js';
import { runCli } from '../helpers/cli.js';
import { pushTestIndex, startRegistry, type TestRegistry } from '../helpers/registry.js';
import { config, fleetDir } from './repo.js';

const FIX = path.resolve('test/fixtures/sign');
const dir = mkdtempSync(path.join(tmpdir(), 'ic-check-fleet-image-'));
const fleet = fleetDir();
const env = { DOCKER_CONFIG: dir, IMAGE_COMPAT_SETTLE_MS: '0' };
let reg: TestRegistry;
let image: string;

/** Every snapshot file of the fleet folder. */
function snapshotFiles(): string[] {
  return readdirSync(fleet, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(fleet, f));
}

/** The name check --fleet-image gives a host validated from this snapshot. */
function recordName(file: string): string {
  const [host] = parseFeaturesDocument(readFileSync(file, 'utf8'), file);
  const digest = createHash('sha256')
    .update(JSON.stringify(scrubFeatures(host!.features)))
    .digest('hex');
  return `host-${digest.slice(0, 12)}`;
}

beforeAll(async () => {
  reg = await startRegistry();
  const platforms = [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ];
  await pushTestIndex(reg, 'app', 'v1', platforms);
  image = `${reg.host}/app:v1`;
  writeFileSync(path.join(dir, 'base.yaml'), config('base'));
  writeFileSync(path.join(dir, 'head.yaml'), config('driver-535'));
  const attach = await runCli(['attach', '--image', image, '--config', 'base.yaml', '--plain-http'], {
    cwd: dir,
    env,
  });
  expect(attach.code).toBe(0);
  // Each host validates the image for its architecture and attaches its record.
  for (const file of snapshotFiles()) {
    const arch = /arm|graviton|altra/i.test(readFileSync(file, 'utf8').slice(0, 4000)) ? 'arm64' : 'amd64';
    const r = await runCli(
      [
        'validate',
        '--image',
        image,
        '--platform',
        `linux/${arch}`,
        '--features',
        file,
        '--attest',
        '--attest-key',
        path.join(FIX, 'ec-sec1.pem'),
        '--plain-http',
      ],
      { cwd: dir, env },
    );
    expect(r.stderr).toMatch(/attached validation record/);
  }
}, 180_000);

afterAll(async () => {
  await reg?.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(fleet, { recursive: true, force: true });
});

interface FleetJson {
  fleet?: { hosts: Array<{ name: string }> };
  excluded: string[];
  admitted: string[];
  notes: string[];
}

const check = (...args: string[]) =>
  runCli(['check', '--config', 'head.yaml', '--base-config', 'base.yaml', '--output', 'json', ...args], {
    cwd: dir,
    env,
  });

describe('check --fleet-image', () => {
  it('gives the fleet impact of --fleet over the same hosts', async () => {
    const byFolder = await check('--fleet', fleet);
    expect(byFolder.code).toBe(0);
    const folder = JSON.parse(byFolder.stdout) as FleetJson;
    const byImage = await check(
      '--fleet-image',
      image,
      '--plain-http',
      '--key',
      path.join(FIX, 'ec-pub.pem'),
    );
    expect(byImage.stderr).toBe('');
    expect(byImage.code).toBe(0);
    const records = JSON.parse(byImage.stdout) as FleetJson;

    // The folder's host names (loadFleet's: the node name, `name (file)` when repeated) mapped to
    // the names the records give the same hosts.
    const nameOf = new Map<string, string>();
    const seen = new Set<string>();
    for (const file of snapshotFiles()) {
      const entry = path.relative(fleet, file);
      const [h] = parseFeaturesDocument(readFileSync(file, 'utf8'), file);
      let name = h!.name || entry.replace(/\.json$/, '');
      if (seen.has(name)) name = `${name} (${entry})`;
      seen.add(name);
      nameOf.set(name, recordName(file));
    }
    const rename = (names: string[]) => names.map((n) => nameOf.get(n) ?? `?${n}`).sort();
    expect(folder.excluded.length).toBeGreaterThan(0);
    expect([...records.excluded].sort()).toEqual(rename(folder.excluded));
    expect([...records.admitted].sort()).toEqual(rename(folder.admitted));
    const strip = (f: FleetJson, map: (n: string) => string) =>
      f.fleet!.hosts.map((h) => ({ ...h, name: map(h.name) })).sort((a, b) => a.name.localeCompare(b.name));
    expect(strip(records, (n) => n)).toEqual(strip(folder, (n) => nameOf.get(n) ?? `?${n}`));
  });

  it('validations --fleet-out writes the same hosts as a fleet folder for --fleet', async () => {
    const out = path.join(dir, 'fleet-out');
    const w = await runCli(
      [
        'validations',
        '--image',
        image,
        '--key',
        path.join(FIX, 'ec-pub.pem'),
        '--fleet-out',
        out,
        '--plain-http',
      ],
      { cwd: dir, env },
    );
    expect(w.code).toBe(0);
    expect(w.stderr).toMatch(new RegExp(`wrote ${snapshotFiles().length} host snapshot\\(s\\)`));
    const byImage = JSON.parse(
      (await check('--fleet-image', image, '--plain-http', '--key', path.join(FIX, 'ec-pub.pem'))).stdout,
    ) as FleetJson;
    const byFolder = JSON.parse((await check('--fleet', out)).stdout) as FleetJson;
    // The folder is read in file name order, the records newest first: the same hosts either way.
    const byName = (f: FleetJson) => [...f.fleet!.hosts].sort((a, b) => a.name.localeCompare(b.name));
    expect(byName(byFolder)).toEqual(byName(byImage));
    expect([...byFolder.excluded].sort()).toEqual([...byImage.excluded].sort());
  });

  it('with another key no record is trusted: exit 3; without a policy the records are read, with a note', async () => {
    const other = await check(
      '--fleet-image',
      image,
      '--plain-http',
      '--key',
      path.join(FIX, 'other-pub.pem'),
    );
    expect(other.code).toBe(3);
    expect(other.stderr).toMatch(/no validation record to build the fleet from \(\d+ not verified\)/);
    const open = await check('--fleet-image', image, '--plain-http');
    expect(open.code).toBe(0);
    expect((JSON.parse(open.stdout) as FleetJson).notes.join('\n')).toMatch(/unverified validation record/);
  });

  it('--fleet and --fleet-image together: exit 2', async () => {
    const both = await check('--fleet', fleet, '--fleet-image', image, '--plain-http');
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/give --fleet or --fleet-image, not both/);
  });
});
