// Docker credential helpers (`credHelpers`, `credsStore`): run `docker-credential-<name> get` with
// the server URL on stdin and read `{"ServerURL","Username","Secret"}` from stdout. A Username of
// `<token>` means the Secret is an identity token (an OAuth2 refresh token). Nothing the helper
// prints on stdout reaches a message: only its exit code and stderr's first line.
// node:child_process loads when a helper first runs (process.getBuiltinModule): most registry
// commands have none configured, and every start would otherwise pay for loading it.
import { InputError, RegistryError } from '../errors.js';
import type { Credentials } from './credentials.js';

/** What helpers print when they have nothing for the server (docker-credential-helpers' wording). */
const NOT_FOUND = /credentials not found/i;

export interface HelperRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** ENOENT and the like: the program could not be started. */
  spawnError?: NodeJS.ErrnoException;
}

function runHelper(
  program: string,
  input: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<HelperRun> {
  return new Promise((resolve) => {
    const { spawn } = process.getBuiltinModule('node:child_process');
    const child = spawn(program, ['get'], { env, stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', (err: NodeJS.ErrnoException) =>
      resolve({ code: null, stdout, stderr, spawnError: err }),
    );
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * Credentials for `serverUrl` from `docker-credential-<helper>`; undefined when the helper has none.
 * `configFile` names where the helper was configured, for the error of a missing program.
 */
export async function credentialsFromHelper(
  helper: string,
  serverUrl: string,
  opts: { env?: NodeJS.ProcessEnv; configFile?: string; timeoutMs?: number } = {},
): Promise<Credentials | undefined> {
  if (!/^[\w.-]+$/.test(helper)) {
    throw new InputError(
      `credential helper name ${JSON.stringify(helper)} is not a plain name`,
      opts.configFile !== undefined ? { file: opts.configFile } : {},
    );
  }
  const program = `docker-credential-${helper}`;
  const run = await runHelper(program, serverUrl, opts.env ?? process.env, opts.timeoutMs ?? 30_000);
  if (run.spawnError) {
    throw new InputError(
      `credential helper ${program} cannot be run: ${run.spawnError.code ?? run.spawnError.message}`,
      opts.configFile !== undefined ? { file: opts.configFile } : {},
      run.spawnError.code === 'ENOENT' ? `install ${program} or put it on PATH` : undefined,
    );
  }
  if (run.code !== 0) {
    if (NOT_FOUND.test(run.stdout) || NOT_FOUND.test(run.stderr)) return undefined;
    const why = run.stderr.trim().split('\n')[0]?.slice(0, 200) ?? '';
    throw new RegistryError(
      `credential helper ${program} failed for ${serverUrl} (exit ${run.code ?? 'killed'})${why ? `: ${why}` : ''}`,
    );
  }
  let answer: { Username?: unknown; Secret?: unknown };
  try {
    answer = JSON.parse(run.stdout) as typeof answer;
  } catch {
    throw new RegistryError(
      `credential helper ${program} printed something that is not JSON for ${serverUrl}`,
    );
  }
  if (typeof answer.Secret !== 'string' || answer.Secret === '') return undefined;
  const username = typeof answer.Username === 'string' ? answer.Username : '';
  if (username === '<token>') return { username: '', password: '', identityToken: answer.Secret };
  return { username, password: answer.Secret };
}
