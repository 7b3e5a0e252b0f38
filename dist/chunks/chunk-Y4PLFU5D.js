import {
  readText
} from "./chunk-LOFLUJHY.js";
import {
  require_fs
} from "./chunk-MGVSXMIB.js";
import {
  setting
} from "./chunk-U6BYPZCD.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/commands/policy.ts
var import_node_fs = __toESM(require_fs(), 1);
var POLICY_SETTINGS = [
  "public-key",
  "certificate-identity",
  "certificate-identity-regexp",
  "certificate-oidc-issuer",
  "trusted-root"
];
var POLICY_CHOICES = `${setting("public-key")}, or ${setting("certificate-identity")} (or ${setting("certificate-identity-regexp")}) with ${setting("certificate-oidc-issuer")} [and ${setting("trusted-root")}]`;
function policyNeeded(what) {
  return new InputError(`${what} needs a policy: ${POLICY_CHOICES}`);
}
function policyRequested(p) {
  return [
    p.key,
    p.certificateIdentity,
    p.certificateIdentityRegexp,
    p.certificateOidcIssuer,
    p.trustedRoot
  ].some((v) => v !== void 0 && v !== "");
}
async function readText2(file, what) {
  return readText(file, { maxBytes: LIMITS.small, what });
}
async function keyText(value) {
  if (value.includes("-----BEGIN")) return { key: value, keySource: "the public key given" };
  if (!(0, import_node_fs.existsSync)(value))
    throw new InputError(`public key ${value}: neither PEM nor a file`, { file: value });
  return { key: await readText2(value, "public key"), keySource: value };
}
async function loadPolicy(p, note) {
  if (!policyRequested(p)) return void 0;
  const { resolvePolicy } = await import("./trust-Q2UTP4VH.js");
  return resolvePolicy(
    {
      ...p.key && await keyText(p.key),
      ...p.certificateIdentity && { certificateIdentity: p.certificateIdentity },
      ...p.certificateIdentityRegexp && { certificateIdentityRegexp: p.certificateIdentityRegexp },
      ...p.certificateOidcIssuer && { certificateOidcIssuer: p.certificateOidcIssuer },
      ...p.trustedRoot && {
        trustedRoot: await readText2(p.trustedRoot, "trusted root"),
        trustedRootSource: p.trustedRoot
      }
    },
    { ...p.offline && { offline: true }, note }
  );
}

export {
  POLICY_SETTINGS,
  POLICY_CHOICES,
  policyNeeded,
  policyRequested,
  loadPolicy
};
