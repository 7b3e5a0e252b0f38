import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);

// src/settings.ts
var SETTINGS = [
  "plain-http",
  "ca-file",
  "insecure",
  "username",
  "password",
  "github-token",
  "retries",
  "timeout",
  "image",
  "platform",
  "manifest",
  "tags",
  "compatibility",
  "spec",
  "config",
  "features",
  "host-root",
  "report",
  "save-features",
  "attest",
  "strict",
  "name",
  "label-prefix",
  "runner-labels",
  "out-dir",
  "signing-key",
  "signing-key-env",
  "public-key",
  "require-signature",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "trusted-root",
  "base-ref",
  "base-config",
  "base-image",
  "event",
  "fleet",
  "fleet-image"
];
var KNOWN = new Set(SETTINGS);
function setting(name) {
  return `\`${name}\``;
}
function inWords(message, words) {
  return message.replace(
    /`([a-z][a-z-]*)`/g,
    (whole, name) => KNOWN.has(name) ? words(name) : whole
  );
}

export {
  setting,
  inWords
};
