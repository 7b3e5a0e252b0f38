import {
  INSTANCE_ENV
} from "./chunk-73ZAQEUH.js";
import {
  githubActionsIdentityProvider,
  keylessInstanceFor,
  repositoryVisibility
} from "./chunk-7L5NO3CK.js";
import {
  loadPrivateKey
} from "./chunk-PEHZUMXG.js";
import {
  readText
} from "./chunk-LOFLUJHY.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/commands/signing.ts
function oidcAvailable(env) {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
async function resolveSigning(req, env) {
  const given = [req.keyFile, req.keyEnv, req.keyText].filter((k) => k !== void 0).length;
  if (given > 1)
    throw new InputError(`give one of ${setting("signing-key")} and ${setting("signing-key-env")}`);
  if (given === 1 && !req.keylessOnly) {
    const { pem, source } = await keyPem(req, env);
    const password = req.password ?? env.COSIGN_PASSWORD ?? "";
    return { kind: "key", key: loadPrivateKey(pem, password, source) };
  }
  if (!oidcAvailable(env)) {
    throw new InputError(
      req.keylessOnly ? "keyless signing needs a GitHub Actions OIDC token: grant the job `permissions: id-token: write`" : `signing needs ${setting("signing-key")}, ${setting("signing-key-env")}, or a GitHub Actions OIDC token (\`permissions: id-token: write\`)`
    );
  }
  return {
    kind: "keyless",
    identityProvider: githubActionsIdentityProvider({
      requestURL: env.ACTIONS_ID_TOKEN_REQUEST_URL,
      requestToken: env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
    }),
    instance: await keylessInstance(env)
  };
}
async function keyPem(req, env) {
  if (req.keyText !== void 0) return { pem: req.keyText, source: "signing key" };
  if (req.keyEnv !== void 0) {
    const pem = env[req.keyEnv];
    if (!pem) throw new InputError(`${setting("signing-key-env")} ${req.keyEnv}: the variable is not set`);
    return { pem, source: `$${req.keyEnv}` };
  }
  return {
    pem: await readText(req.keyFile, { maxBytes: LIMITS.small, what: "the key" }),
    source: req.keyFile
  };
}
async function keylessInstance(env) {
  let event;
  if (env.GITHUB_EVENT_PATH) {
    try {
      event = JSON.parse(await readText(env.GITHUB_EVENT_PATH, { maxBytes: LIMITS.document }));
    } catch {
      event = void 0;
    }
  }
  const instance = keylessInstanceFor(repositoryVisibility(event));
  const fulcio = env[INSTANCE_ENV.fulcio];
  const rekor = env[INSTANCE_ENV.rekor];
  const tsa = env[INSTANCE_ENV.tsa];
  if (!fulcio && !rekor && !tsa) return instance;
  return {
    fulcioURL: fulcio || instance.fulcioURL,
    ...rekor && { rekorURL: rekor },
    ...tsa && { tsaURL: tsa }
  };
}

export {
  oidcAvailable,
  resolveSigning,
  keylessInstance
};
