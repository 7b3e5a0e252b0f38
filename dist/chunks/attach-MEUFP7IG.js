import {
  IMAGE_OPTION,
  OUTPUT_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  attachArtifacts
} from "./chunk-QBXN7R2P.js";
import {
  formatDiagnostics
} from "./chunk-XDDB4SG4.js";
import "./chunk-DCC5HAHI.js";
import {
  INSTANCE_ENV
} from "./chunk-73ZAQEUH.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ZC6TAHSD.js";
import {
  settleFromEnv
} from "./chunk-CETXEPAT.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  InputError
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/attach.ts
var attachCommand = {
  name: "attach",
  description: "Attach a compatibility spec to an image as an NFD image compatibility artifact (an OCI referrer of the image's manifest, or of each platform manifest of an index); optionally signed.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--spec <file>",
      description: "the compatibility spec (NFD v1alpha1 YAML) for every platform; checked before anything is pushed"
    },
    {
      flags: "--config <file>",
      description: "a compatibility config: compiled for each platform of the image, each platform manifest gets its own spec"
    },
    {
      flags: "--platform <os/arch[/variant]>",
      description: "for an index, attach only to this platform manifest"
    },
    { flags: "--sign", description: "sign each artifact (Sigstore bundle attached as its referrer)" },
    {
      flags: "--key <file>",
      description: "with --sign: ECDSA P-256 private key, PEM or cosign (password: COSIGN_PASSWORD)"
    },
    {
      flags: "--key-env <var>",
      description: "with --sign: an environment variable holding the private key PEM"
    },
    { flags: "--dry-run", description: "compile, check and sign, print what would be pushed, push nothing" },
    OUTPUT_OPTION,
    ...REGISTRY_OPTIONS
  ],
  after: `
Give exactly one of --spec and --config. Nothing is pushed unless every platform's spec checks out
and, with --sign, every signature was made; each signature is pushed after its artifact.
--sign without --key/--key-env signs keyless in GitHub Actions (permissions: id-token: write);
${INSTANCE_ENV.fulcio}, ${INSTANCE_ENV.rekor}, ${INSTANCE_ENV.tsa} replace the Sigstore instance.
${REGISTRY_HELP}
Exit codes: 0 attached, 2 bad input (reference, platform, spec, config, key), 3 registry error, 4 signing failed.`,
  action: async (flags) => {
    if (flags.spec === void 0 === (flags.config === void 0)) {
      throw new InputError("give exactly one of --spec FILE and --config FILE");
    }
    if (!flags.sign && (flags.key !== void 0 || flags.keyEnv !== void 0)) {
      throw new InputError("--key and --key-env need --sign");
    }
    const settleMs = settleFromEnv();
    let sign;
    if (flags.sign) {
      const { resolveSigning } = await import("./signing-72QYMNVR.js");
      sign = await resolveSigning(
        {
          ...flags.key !== void 0 && { keyFile: flags.key },
          ...flags.keyEnv !== void 0 && { keyEnv: flags.keyEnv }
        },
        process.env
      );
    }
    const outcome = await attachArtifacts({
      image: flags.image,
      ...flags.spec !== void 0 && { specFile: flags.spec },
      ...flags.config !== void 0 && { configFile: flags.config },
      ...flags.platform !== void 0 && { platform: flags.platform },
      ...await registryOptionsFrom(flags),
      ...settleMs !== void 0 && { settleMs },
      ...sign && { sign },
      ...flags.dryRun && { dryRun: true }
    });
    if (outcome.warnings.length) process.stderr.write(formatDiagnostics(outcome.warnings, "text"));
    for (const note of outcome.notes) process.stderr.write(`note: ${note}
`);
    for (const p of outcome.skipped)
      process.stderr.write(`note: no compatibility set applies to ${p}: nothing attached
`);
    if (flags.dryRun) process.stderr.write("dry run: nothing was pushed\n");
    const attached = outcome.artifacts;
    if (flags.output === "json") {
      const out = attached.map((a) => ({
        platform: a.platform,
        subject: { reference: a.subject, ...a.subjectDescriptor },
        artifact: { reference: a.artifact, ...a.artifactDescriptor },
        ...a.signatureDescriptor && { signature: a.signatureDescriptor.digest },
        ...flags.dryRun && { dryRun: true }
      }));
      process.stdout.write(`${JSON.stringify(out, null, 2)}
`);
      return;
    }
    for (const a of attached) {
      const signature = a.signatureDescriptor ? `	${a.signatureDescriptor.digest}` : "";
      process.stdout.write(`${a.artifact}	${a.platform ?? "-"}	${a.subject}${signature}
`);
    }
  }
};
export {
  attachCommand
};
