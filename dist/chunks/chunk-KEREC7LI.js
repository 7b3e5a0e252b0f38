import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  readText
} from "./chunk-VI3OPX7Z.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/commands/policy.ts
import { existsSync } from "node:fs";
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
  if (!existsSync(value))
    throw new InputError(`public key ${value}: neither PEM nor a file`, { file: value });
  return { key: await readText2(value, "public key"), keySource: value };
}
async function loadPolicy(p, note) {
  if (!policyRequested(p)) return void 0;
  const { resolvePolicy } = await import("./trust-2GHES6OR.js");
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
  policyRequested,
  loadPolicy
};
