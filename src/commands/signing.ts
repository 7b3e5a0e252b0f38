// How `attach --sign` (and the publish action) sign: with a private key (a file, an environment
// variable, or key text from an action input; cosign's encrypted format takes its password from
// COSIGN_PASSWORD), or keyless through GitHub Actions' OIDC token -> Fulcio -> Rekor (public
// repositories) or GitHub's instance with a timestamp authority (private ones). The Sigstore
// instance can be replaced by environment variables (a private instance, tests).
import { InputError } from '../errors.js';
import {
  githubActionsIdentityProvider,
  keylessInstanceFor,
  repositoryVisibility,
  type KeylessInstance,
  type SignWith,
} from '../sign/sign.js';
import { loadPrivateKey } from '../sign/keys.js';
import { LIMITS } from '../io/limits.js';
import { readText } from '../io/read.js';
import { setting } from '../settings.js';
import { INSTANCE_ENV } from './signing-env.js';

export interface SigningRequest {
  /** A PEM file (`--key`). */
  keyFile?: string;
  /** An environment variable holding the PEM text (`--key-env`). */
  keyEnv?: string;
  /** The PEM text itself (the publish action's `signing-key` input). */
  keyText?: string;
  /** The key's password; default COSIGN_PASSWORD. */
  password?: string;
  /** Refuse a key: keyless or nothing (the action's `sign: keyless`). */
  keylessOnly?: boolean;
}

/** The variables that replace the keyless Sigstore instance (documented in docs/signing.md). */
export { INSTANCE_ENV };

/** Whether the job can get a GitHub Actions OIDC token (`permissions: id-token: write`). */
export function oidcAvailable(env: NodeJS.ProcessEnv): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/** Resolves the request into how to sign; key problems (format, password) are InputError here. */
export async function resolveSigning(req: SigningRequest, env: NodeJS.ProcessEnv): Promise<SignWith> {
  const given = [req.keyFile, req.keyEnv, req.keyText].filter((k) => k !== undefined).length;
  if (given > 1)
    throw new InputError(`give one of ${setting('signing-key')} and ${setting('signing-key-env')}`);
  if (given === 1 && !req.keylessOnly) {
    const { pem, source } = await keyPem(req, env);
    const password = req.password ?? env.COSIGN_PASSWORD ?? '';
    return { kind: 'key', key: loadPrivateKey(pem, password, source) };
  }
  if (!oidcAvailable(env)) {
    throw new InputError(
      req.keylessOnly
        ? 'keyless signing needs a GitHub Actions OIDC token: grant the job `permissions: id-token: write`'
        : `signing needs ${setting('signing-key')}, ${setting('signing-key-env')}, or a GitHub Actions OIDC token (\`permissions: id-token: write\`)`,
    );
  }
  return {
    kind: 'keyless',
    identityProvider: githubActionsIdentityProvider({
      requestURL: env.ACTIONS_ID_TOKEN_REQUEST_URL!,
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN!,
    }),
    instance: await keylessInstance(env),
  };
}

async function keyPem(req: SigningRequest, env: NodeJS.ProcessEnv): Promise<{ pem: string; source: string }> {
  if (req.keyText !== undefined) return { pem: req.keyText, source: 'signing key' };
  if (req.keyEnv !== undefined) {
    const pem = env[req.keyEnv];
    if (!pem) throw new InputError(`${setting('signing-key-env')} ${req.keyEnv}: the variable is not set`);
    return { pem, source: `$${req.keyEnv}` };
  }
  return {
    pem: await readText(req.keyFile!, { maxBytes: LIMITS.small, what: 'the key' }),
    source: req.keyFile!,
  };
}

/**
 * The repository's visibility picks the instance (GITHUB_EVENT_PATH's repository.visibility;
 * unknown counts as private). When any IMAGE_COMPAT_*_URL variable is set, those variables are the
 * instance: Fulcio (the visibility's one when unset) and only the witnesses they name.
 */
export async function keylessInstance(env: NodeJS.ProcessEnv): Promise<KeylessInstance> {
  let event: unknown;
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(await readText(env.GITHUB_EVENT_PATH, { maxBytes: LIMITS.document }));
    } catch {
      event = undefined;
    }
  }
  const instance = keylessInstanceFor(repositoryVisibility(event));
  const fulcio = env[INSTANCE_ENV.fulcio];
  const rekor = env[INSTANCE_ENV.rekor];
  const tsa = env[INSTANCE_ENV.tsa];
  if (!fulcio && !rekor && !tsa) return instance;
  return {
    fulcioURL: fulcio || instance.fulcioURL,
    ...(rekor && { rekorURL: rekor }),
    ...(tsa && { tsaURL: tsa }),
  };
}
