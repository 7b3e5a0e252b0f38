// The settings a message below the edges may name (a registry's `plain-http`, a policy's
// `public-key`, the sets `tags` selects). Lower rooms write them with `setting()`, in neutral words;
// each edge writes them in its own: the CLI as its flags (`--plain-http`), the actions as their
// inputs (`plain-http`, `compatibility`). One list, so an edge's table cannot miss one.

export const SETTINGS = [
  'plain-http',
  'ca-file',
  'insecure',
  'username',
  'password',
  'github-token',
  'retries',
  'timeout',
  'image',
  'platform',
  'manifest',
  'tags',
  'compatibility',
  'spec',
  'config',
  'features',
  'host-root',
  'report',
  'save-features',
  'attest',
  'strict',
  'name',
  'label-prefix',
  'runner-labels',
  'out-dir',
  'signing-key',
  'signing-key-env',
  'public-key',
  'require-signature',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'trusted-root',
  'base-ref',
  'base-config',
  'base-image',
  'event',
  'fleet',
  'fleet-image',
] as const;
export type Setting = (typeof SETTINGS)[number];

const KNOWN = new Set<string>(SETTINGS);

/** A setting as a lower room writes it in a message: `` `plain-http` ``. */
export function setting(name: Setting): string {
  return `\`${name}\``;
}

/** An edge's words for each setting. */
export type Words = (name: Setting) => string;

/** Rewrites the settings a message names into an edge's words; other text is left as it is. */
export function inWords(message: string, words: Words): string {
  return message.replace(/`([a-z][a-z-]*)`/g, (whole, name: string) =>
    KNOWN.has(name) ? words(name as Setting) : whole,
  );
}
