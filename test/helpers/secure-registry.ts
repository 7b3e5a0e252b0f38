// Starts docker-registry (distribution 2.8) the way users' registries are set up: htpasswd Basic
// auth, bearer-token auth against a token server, TLS from a test CA, or none. The process can be
// stopped and started again on the same port and storage (a registry restarted mid-run).
import type { ChildProcess } from 'node:child_process';
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface SecureRegistryOptions {
  /** Basic auth: user -> password (hashed with `htpasswd -Bbn`). */
  htpasswd?: Record<string, string>;
  /** Bearer-token auth: where the token server is and what it signs. */
  token?: { realm: string; service: string; issuer: string; rootCertBundle: string };
  /** TLS: server certificate and key files (PEM). */
  tls?: { certPath: string; keyPath: string };
  /** Fixed port; default 0 (docker-registry picks a free one, reused on restart). */
  port?: number;
  /** Storage folder; default a new temp folder, removed by cleanup(). */
  storageDir?: string;
}

export interface SecureRegistry {
  /** http(s)://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, as a reference's registry part. */
  host: string;
  port: number;
  storageDir: string;
  configPath: string;
  running: boolean;
  /** The last 64 KiB of the registry's log (stderr). */
  logs(): string;
  /** Starts the process again (same port, config and storage) after stop(). */
  start(): Promise<void>;
  /** Stops the process (SIGTERM, then SIGKILL after 5 s); storage is kept. */
  stop(): Promise<void>;
  /** stop() and remove every temp file. */
  cleanup(): Promise<void>;
}

const LOG_CAP = 64 * 1024;

export async function startSecureRegistry(opts: SecureRegistryOptions = {}): Promise<SecureRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'image-compat-registry-'));
  const storageDir = opts.storageDir ?? path.join(dir, 'storage');
  const configPath = path.join(dir, 'config.yml');
  let auth: Record<string, unknown> | undefined;
  if (opts.htpasswd) {
    const lines: string[] = [];
    for (const [user, password] of Object.entries(opts.htpasswd)) {
      const { stdout } = await run('htpasswd', ['-Bbn', user, password]);
      lines.push(stdout.trim());
    }
    const htpasswdPath = path.join(dir, 'htpasswd');
    await writeFile(htpasswdPath, `${lines.join('\n')}\n`);
    auth = { htpasswd: { realm: 'image-compat-test', path: htpasswdPath } };
  } else if (opts.token) {
    const t = opts.token;
    auth = {
      token: { realm: t.realm, service: t.service, issuer: t.issuer, rootcertbundle: t.rootCertBundle },
    };
  }
  const writeConfig = (port: number): Promise<void> => {
    // JSON is YAML: docker-registry reads this as its config.yml.
    const config = {
      version: 0.1,
      log: { level: 'info', accesslog: { disabled: true } },
      storage: {
        filesystem: { rootdirectory: storageDir },
        delete: { enabled: true },
        maintenance: { uploadpurging: { enabled: false } },
      },
      http: {
        addr: `127.0.0.1:${port}`,
        secret: 'image-compat-test-secret',
        ...(opts.tls ? { tls: { certificate: opts.tls.certPath, key: opts.tls.keyPath } } : {}),
      },
      ...(auth ? { auth } : {}),
    };
    return writeFile(configPath, JSON.stringify(config, null, 2));
  };

  let logs = '';
  let child: ChildProcess | undefined;
  let port = opts.port ?? 0;

  const launch = async (): Promise<void> => {
    await writeConfig(port);
    const proc = spawn('docker-registry', ['serve', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    await new Promise<void>((resolve, reject) => {
      let started = false;
      let startup = ''; // this launch's output until it listens
      const timer = setTimeout(() => {
        proc.kill('SIGKILL');
        reject(new Error(`docker-registry did not start within 10 s:\n${logs}`));
      }, 10_000);
      const onData = (d: Buffer): void => {
        const text = d.toString('utf8');
        logs = (logs + text).slice(-LOG_CAP);
        if (started) return;
        startup += text;
        const m = /listening on 127\.0\.0\.1:(\d+)/.exec(startup);
        if (!m) return;
        if (port === 0) port = Number(m[1]);
        started = true;
        clearTimeout(timer);
        resolve();
      };
      proc.stdout?.on('data', onData);
      proc.stderr?.on('data', onData);
      proc.once('exit', (code) => {
        clearTimeout(timer);
        if (!started) reject(new Error(`docker-registry exited (${code}) while starting:\n${logs}`));
      });
      proc.once('error', reject);
    });
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = undefined;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      proc.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      proc.kill('SIGTERM');
    });
  };

  await launch();
  const scheme = opts.tls ? 'https' : 'http';
  const registry: SecureRegistry = {
    url: `${scheme}://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    port,
    storageDir,
    configPath,
    get running() {
      return child !== undefined && child.exitCode === null && child.signalCode === null;
    },
    logs: () => logs,
    start: async () => {
      if (registry.running) return;
      await launch();
    },
    stop,
    cleanup: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return registry;
}
