#!/usr/bin/env node
// Benchmark: image-compat `attach` and `discover` against `oras attach` / `oras discover`, on one
// local docker-registry (distribution 2.8, no referrers API: both write the fallback tag), in the
// same run. A counting proxy in front of the registry counts the requests each command makes;
// wall time is the median of N whole-process runs (interleaved, so drift hits both tools alike).
// Also: attaching to an 8-platform index in one image-compat process against eight sequential
// `oras attach` runs. And a node floor for discover: a bare Node script making discover's three
// reads with node:http, the least any Node process can take for it. Needs `npm run bundle`
// (dist/cli.js), docker-registry on PATH and .tools/bin/oras.
//
//   npm run bench:registry               # N=5
//   BENCH_N=9 npm run bench:registry
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const N = Number(process.env.BENCH_N ?? 5);
const CLI = path.resolve('dist/cli.js');
const ORAS = process.env.ORAS ?? path.resolve('.tools/bin/oras');
const ARTIFACT_TYPE = 'application/vnd.nfd.image-compatibility.v1alpha1';
const SPEC_TYPE = 'application/vnd.nfd.image-compatibility.spec.v1alpha1+yaml';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const sha256 = (b) => `sha256:${createHash('sha256').update(b).digest('hex')}`;

for (const [what, file] of [
  ['dist/cli.js (run npm run bundle)', CLI],
  ['oras (run scripts/install-tools.sh)', ORAS],
]) {
  if (!existsSync(file)) {
    console.error(`missing ${what}: ${file}`);
    process.exit(2);
  }
}

/** The node floor's script: argv host, repository, tag; exits 1 unless the answers are as expected. */
const FLOOR_SCRIPT = `const http = process.getBuiltinModule('node:http');
const { createHash } = process.getBuiltinModule('node:crypto');
const [host, repo, tag] = process.argv.slice(2);
const [hostname, port] = host.split(':');
const get = (p, accept) =>
  new Promise((resolve, reject) =>
    http
      .get({ host: hostname, port, path: p, headers: { accept } }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks) }));
      })
      .on('error', reject),
  );
const manifest = await get(\`/v2/\${repo}/manifests/\${tag}\`, '${OCI_MANIFEST}');
const digest = createHash('sha256').update(manifest.body).digest('hex');
const referrers = await get(\`/v2/\${repo}/referrers/sha256:\${digest}\`, '${OCI_INDEX}');
const fallback = await get(\`/v2/\${repo}/manifests/sha256-\${digest}\`, '${OCI_INDEX}');
// distribution 2.8: the manifest and the fallback tag found, no referrers API (404).
if (manifest.status !== 200 || referrers.status !== 404 || fallback.status !== 200) {
  console.error('unexpected statuses', manifest.status, referrers.status, fallback.status);
  process.exit(1);
}
`;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startRegistry(dir) {
  const port = await freePort();
  const config = path.join(dir, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log: {level: error, accesslog: {disabled: true}}',
      `storage: {filesystem: {rootdirectory: ${path.join(dir, 'data')}}, delete: {enabled: true}}`,
      `http: {addr: "127.0.0.1:${port}", secret: bench}`,
    ].join('\n'),
  );
  const child = spawn('docker-registry', ['serve', config], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v2/`)).ok) return { port, child };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill();
  throw new Error('docker-registry did not start');
}

/** A pass-through proxy that counts requests (Host kept, so Location URLs point back at it). */
async function startCountingProxy(upstreamPort) {
  let count = 0;
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    count++;
    const up = http.request(
      {
        host: '127.0.0.1',
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers: req.headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: server.address().port,
    take() {
      const n = count;
      count = 0;
      return n;
    },
    close: () => new Promise((r) => server.close(r)),
  };
}

async function put(base, repo, ref, body, type) {
  const bytes = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  if (type === undefined) {
    const start = await fetch(`${base}/v2/${repo}/blobs/uploads/`, {
      method: 'POST',
      body: new Uint8Array(0),
    });
    const url = new URL(start.headers.get('location'), base);
    url.searchParams.set('digest', sha256(bytes));
    const done = await fetch(url, { method: 'PUT', body: bytes });
    if (done.status !== 201) throw new Error(`blob upload: ${done.status}`);
  } else {
    const done = await fetch(`${base}/v2/${repo}/manifests/${ref}`, {
      method: 'PUT',
      body: bytes,
      headers: { 'Content-Type': type },
    });
    if (done.status !== 201) throw new Error(`manifest put: ${done.status}`);
  }
  return { mediaType: type, digest: sha256(bytes), size: bytes.byteLength };
}

async function pushImage(base, repo, tag, platform) {
  const config = JSON.stringify({ ...platform, rootfs: { type: 'layers', diff_ids: [] }, config: {} });
  const layer = `layer ${repo} ${tag} ${JSON.stringify(platform)}`;
  const c = await put(base, repo, null, config);
  const l = await put(base, repo, null, layer);
  return put(
    base,
    repo,
    tag,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { ...c, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: [{ ...l, mediaType: 'application/vnd.oci.image.layer.v1.tar' }],
    },
    OCI_MANIFEST,
  );
}

function run(cmd, args, env = {}, cwd = undefined) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${path.basename(cmd)} ${args.join(' ')}: exit ${code}\n${err}`));
      else resolve({ ms, out });
    });
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The 1-minute load average, for the figures' context (a shared machine's wall times drift with it). */
const load = () => os.loadavg()[0].toFixed(1);

async function main() {
  const loadAtStart = load();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-registry-'));
  const { port, child } = await startRegistry(dir);
  process.on('exit', () => child.kill());
  const proxy = await startCountingProxy(port);
  const direct = `http://127.0.0.1:${port}`;
  const host = `127.0.0.1:${proxy.port}`;
  const spec = path.join(dir, 'compat.yaml');
  await writeFile(spec, 'version: v1alpha1\ncompatibilities:\n- description: bench\n  rules: []\n');
  const node = process.execPath;
  // The floor under any Node discover: a Node process that makes discover's reads (the manifest,
  // the referrers API, the fallback tag) with node:http and nothing else: no CLI, no parsing.
  const floor = path.join(dir, 'floor.mjs');
  await writeFile(floor, FLOOR_SCRIPT);
  const orasHome = { HOME: dir, DOCKER_CONFIG: path.join(dir, 'docker') };

  const platforms = ['amd64', 'arm64', 'arm', 'ppc64le', 's390x', 'riscv64', '386', 'mips64le'].map(
    (architecture) => ({ os: 'linux', architecture }),
  );
  const results = [];
  const measure = async (name, runs) => {
    const samples = Object.fromEntries(runs.map(([label]) => [label, { ms: [], requests: [] }]));
    for (let i = 0; i < N; i++) {
      for (const [label, fn] of runs) {
        proxy.take();
        const ms = await fn(i);
        samples[label].ms.push(ms);
        samples[label].requests.push(proxy.take());
      }
    }
    for (const [label] of runs)
      results.push({
        scenario: name,
        tool: label,
        ms: median(samples[label].ms),
        requests: median(samples[label].requests),
      });
  };

  // Each run attaches to a fresh subject, so neither tool finds an index grown by earlier runs.
  for (let i = 0; i < N; i++) {
    await pushImage(direct, 'bench/single', `ic-${i}`, platforms[0]);
    await pushImage(direct, 'bench/single', `oras-${i}`, platforms[0]);
  }
  const icEnv = { DOCKER_CONFIG: path.join(dir, 'docker') };
  // One whole-process run of each tool, its wall time in ms.
  const icAttach = async (image, env) =>
    (await run(node, [CLI, 'attach', '--image', image, '--spec', spec, '--plain-http'], env)).ms;
  const orasAttach = async (image) =>
    (
      await run(
        ORAS,
        ['attach', '--plain-http', '--artifact-type', ARTIFACT_TYPE, image, `compat.yaml:${SPEC_TYPE}`],
        orasHome,
        dir,
      )
    ).ms;
  // Where image-compat's wall time goes: Node's start, then the bundle's load (`--version` loads
  // the CLI and talks to nothing); the rest of an attach or discover is the registry work.
  await measure('start-up', [
    ['node -e 0', async () => (await run(node, ['-e', '0'])).ms],
    ['image-compat --version', async () => (await run(node, [CLI, '--version'])).ms],
  ]);
  await measure('attach (one image)', [
    ['image-compat', async (i) => icAttach(`${host}/bench/single:ic-${i}`, icEnv)],
    ['oras', async (i) => orasAttach(`${host}/bench/single:oras-${i}`)],
  ]);
  await measure('discover', [
    [
      'image-compat',
      async () =>
        (await run(node, [CLI, 'discover', '--image', `${host}/bench/single:ic-0`, '--plain-http'], icEnv))
          .ms,
    ],
    ['node floor (3 GETs)', async () => (await run(node, [floor, host, 'bench/single', 'ic-0'])).ms],
    [
      'oras',
      async () =>
        (
          await run(
            ORAS,
            [
              'discover',
              '--plain-http',
              '--artifact-type',
              ARTIFACT_TYPE,
              '--format',
              'json',
              `${host}/bench/single:oras-0`,
            ],
            orasHome,
            dir,
          )
        ).ms,
    ],
  ]);

  // 8-platform index: one image-compat process vs eight sequential oras attach runs.
  const indexes = [];
  for (let i = 0; i < N; i++) {
    for (const tool of ['ic', 'oras']) {
      const entries = [];
      for (const p of platforms) {
        const d = await pushImage(direct, 'bench/multi', `${tool}-${i}-${p.architecture}`, p);
        entries.push({ ...d, platform: p });
      }
      await put(
        direct,
        'bench/multi',
        `${tool}-${i}`,
        { schemaVersion: 2, mediaType: OCI_INDEX, manifests: entries },
        OCI_INDEX,
      );
      indexes.push({ tool, i, entries });
    }
  }
  await measure('attach (8-platform index)', [
    ['image-compat', async (i) => icAttach(`${host}/bench/multi:ic-${i}`, icEnv)],
    [
      'oras x8',
      async (i) => {
        const { entries } = indexes.find((x) => x.tool === 'oras' && x.i === i);
        let total = 0;
        for (const e of entries) total += await orasAttach(`${host}/bench/multi@${e.digest}`);
        return total;
      },
    ],
  ]);

  console.log(
    `registry: docker-registry (distribution 2.8) on 127.0.0.1, N=${N}, median of N whole-process runs`,
  );
  console.log(
    `load average (1 min) ${loadAtStart} at the start, ${load()} at the end, on ${os.cpus().length} CPUs`,
  );
  console.log('');
  console.log('scenario                    tool                    wall ms   requests');
  for (const r of results)
    console.log(
      `${r.scenario.padEnd(27)} ${r.tool.padEnd(22)} ${r.ms.toFixed(0).padStart(7)}   ${String(r.requests).padStart(8)}`,
    );
  console.log('\nratios (image-compat / oras):');
  for (const scenario of [...new Set(results.map((r) => r.scenario))].filter((s) => s !== 'start-up')) {
    const rows = results.filter((r) => r.scenario === scenario);
    const oras = rows.find((r) => r.tool.startsWith('oras'));
    for (const a of rows.filter((r) => r !== oras))
      console.log(
        `  ${scenario.padEnd(27)} ${a.tool.padEnd(22)} wall ${(a.ms / oras.ms).toFixed(2)}x   requests ${(a.requests / oras.requests).toFixed(2)}x`,
      );
  }
  // The targets of issue #15: single attach <= 3x oras wall with at most oras's requests + 2;
  // discover <= 3x oras wall.
  const row = (scenario, tool) => results.find((r) => r.scenario === scenario && r.tool.startsWith(tool));
  const [ia, oa] = [row('attach (one image)', 'image-compat'), row('attach (one image)', 'oras')];
  const [id, od] = [row('discover', 'image-compat'), row('discover', 'oras')];
  const nodeFloor = row('discover', 'node floor');
  const startup = row('start-up', 'image-compat');
  const bare = row('start-up', 'node');
  console.log('\nimage-compat wall = start-up + registry work (start-up: `--version`):');
  console.log(
    `  start-up ${startup.ms.toFixed(0)} ms (node -e 0: ${bare.ms.toFixed(0)} ms); attach registry work ${(ia.ms - startup.ms).toFixed(0)} ms (oras attach whole: ${oa.ms.toFixed(0)} ms); discover registry work ${(id.ms - startup.ms).toFixed(0)} ms (oras discover whole: ${od.ms.toFixed(0)} ms)`,
  );
  console.log('\ntargets:');
  console.log(
    `  attach wall ${(ia.ms / oa.ms).toFixed(2)}x (<= 3x: ${ia.ms <= 3 * oa.ms ? 'met' : 'NOT met'}), requests ${ia.requests} vs oras ${oa.requests} (<= +2: ${ia.requests <= oa.requests + 2 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  discover wall ${(id.ms / od.ms).toFixed(2)}x (<= 3x: ${id.ms <= 3 * od.ms ? 'met' : 'NOT met'}; the node floor: ${(nodeFloor.ms / od.ms).toFixed(2)}x)`,
  );
  await proxy.close();
  child.kill();
  await rm(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
