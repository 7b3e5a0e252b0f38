import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  POLICY_OPTIONS,
  policyRequestOf
} from "./chunk-PAO2NHPY.js";
import {
  parseDuration
} from "./chunk-7TKNABSU.js";
import {
  IMAGE_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  loadPolicy
} from "./chunk-Y4PLFU5D.js";
import "./chunk-CETXEPAT.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode,
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/verify.ts
function setList(text) {
  const sets = text.split(",").map((t) => t.trim()).filter(Boolean);
  if (!sets.length) throw new InputError("--require-validated: expected one or more comma-separated sets");
  return sets;
}
var verifyCommand = {
  name: "verify",
  summary: "check the signatures of an image's compatibility artifacts",
  description: "For each platform of the image (or the one given), find the newest compatibility artifact whose Sigstore signature passes the policy. Exit 0: every platform has one; 4: a platform has none (the reason is printed); 3: the image has no compatibility artifact at all, or a registry error; 2: bad input.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--platform <os/arch[/variant]>",
      description: "verify only this platform of an index (default: every platform)"
    },
    {
      flags: "--require-validated <sets>",
      description: "the deploy gate: every platform (or the one given) also needs a validation record (validate --attest) that passes each of these sets (comma-separated tags), signed as the policy says"
    },
    {
      flags: "--max-age <duration>",
      description: "with --require-validated: the oldest a validation may be (30d, 12h, 2w)"
    },
    { flags: "--output <format>", description: "output format", choices: ["text", "json"], default: "text" },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    "Examples:",
    "  image-compat verify --image ghcr.io/acme/app:1.0 --key cosign.pub",
    "  image-compat verify --image ghcr.io/acme/app:1.0 \\",
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    "  image-compat verify --image ghcr.io/acme/app:1.0 --key ci.pub --require-validated h100,a100 --max-age 30d",
    "  image-compat verify --image ghcr.io/acme/private:1.0 --trusted-root github-trusted-root.json \\",
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    "",
    "Keyless trust: without --trusted-root, certificates must chain to the Sigstore public-good instance",
    "(Fulcio + Rekor, what public GitHub repositories sign with). Its trusted root is refreshed through TUF",
    "(https://tuf-repo-cdn.sigstore.dev, 5 s at most) into $XDG_CACHE_HOME/image-compat/tuf; offline, the",
    "cached copy or the one embedded in image-compat is used. GitHub's instance for private repositories",
    "(fulcio.githubapp.com) needs --trusted-root (`gh attestation trusted-root > root.jsonl`, one line).",
    ""
  ].join("\n"),
  action: async (flags) => {
    if (flags.maxAge !== void 0 && flags.requireValidated === void 0)
      throw new InputError("--max-age needs --require-validated");
    const { verify } = await import("./verify-TQPU55GA.js");
    const result = await verify({
      image: flags.image,
      ...flags.requireValidated !== void 0 && { requireValidated: setList(flags.requireValidated) },
      ...flags.maxAge !== void 0 && { maxAgeMs: parseDuration(flags.maxAge, "--max-age") },
      ...flags.platform !== void 0 && { platform: flags.platform },
      policy: await loadPolicy(
        policyRequestOf(flags),
        (m) => process.stderr.write(`image-compat: note: ${m}
`)
      ),
      ...await registryOptionsFrom(flags)
    });
    if (flags.output === "json") {
      process.stdout.write(`${JSON.stringify(result, null, 2)}
`);
    } else {
      for (const p of result.platforms) {
        const name = p.platform ?? "no platform";
        if (p.verified) {
          const by = p.signer?.kind === "key" ? `key ${p.signer.hint}` : `${p.signer?.identity} (${p.signer?.issuer})`;
          process.stdout.write(`${name}: verified ${p.artifact} signed by ${by}
`);
        } else {
          process.stdout.write(`${name}: NOT VERIFIED: ${p.error}
`);
        }
        for (const v of p.validations ?? []) {
          process.stdout.write(
            v.satisfied ? `${name}: set ${v.set} validated by ${v.record} at ${v.time}
` : `${name}: set ${v.set} NOT VALIDATED: ${v.reason}
`
          );
        }
        for (const r of p.verified ? p.rejected : []) {
          process.stderr.write(
            `image-compat: warning: ${name}: ignored newer artifact ${r.artifact}: ${r.reason}: ${r.message}
`
          );
        }
      }
    }
    if (!result.verified) {
      const failing = result.platforms.filter((p) => !p.verified);
      process.stderr.write(
        `image-compat: ${failing.map((p) => `${p.platform ?? "image"}: ${p.error}`).join("; ")}
`
      );
    }
    process.exitCode = result.verified ? ExitCode.ok : ExitCode.signature;
  }
};
export {
  verifyCommand
};
