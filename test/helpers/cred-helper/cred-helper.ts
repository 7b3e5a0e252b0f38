// Puts the test credential helper (docker-credential-test, a bash script next to this file) to use:
// its folder for PATH, its JSON store written in the one-entry-per-line shape it reads, and the
// environment that points it at a store and a call log.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding docker-credential-test: prepend it to PATH. */
export const CRED_HELPER_DIR = path.dirname(fileURLToPath(import.meta.url));
export const CRED_HELPER = path.join(CRED_HELPER_DIR, 'docker-credential-test');

export interface StoredCredential {
  Username: string;
  Secret: string;
}

/** Writes the helper's store: server URL (as the client will ask for it) -> credentials. */
export async function writeCredStore(file: string, entries: Record<string, StoredCredential>): Promise<void> {
  const lines = Object.entries(entries).map(
    ([url, c]) =>
      `${JSON.stringify(url)}: {"Username": ${JSON.stringify(c.Username)}, "Secret": ${JSON.stringify(c.Secret)}}`,
  );
  await writeFile(file, `{\n${lines.join(',\n')}${lines.length > 0 ? '\n' : ''}}\n`);
}

/** Environment for a process that should find and use the helper (`credHelpers: {host: "test"}`). */
export function credHelperEnv(
  store: string,
  log?: string,
  base: NodeJS.ProcessEnv = process.env,
): NodeJS.ProcessEnv {
  return {
    ...base,
    PATH: `${CRED_HELPER_DIR}${path.delimiter}${base.PATH ?? ''}`,
    DOCKER_CREDENTIAL_TEST_STORE: store,
    ...(log ? { DOCKER_CREDENTIAL_TEST_LOG: log } : {}),
  };
}

/** The helper's calls so far ("get 127.0.0.1:5000", ...), from its log file. */
export async function credHelperCalls(log: string): Promise<string[]> {
  const text = await readFile(log, 'utf8').catch(() => '');
  return text.split('\n').filter(Boolean);
}
