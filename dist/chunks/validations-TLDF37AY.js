import {
  inCliWords
} from "./chunk-3QYFJF5U.js";
import {
  POLICY_OPTIONS,
  policyRequestOf
} from "./chunk-PAO2NHPY.js";
import {
  IMAGE_OPTION,
  REGISTRY_HELP,
  REGISTRY_OPTIONS,
  registryOptionsFrom
} from "./chunk-4XOXONEX.js";
import {
  listValidations,
  writeValidationsFleet
} from "./chunk-QEWOXDOG.js";
import "./chunk-PCYJVOZY.js";
import "./chunk-NB5YO7E2.js";
import "./chunk-VZIEYRV5.js";
import "./chunk-FNFXL7B6.js";
import "./chunk-YP5NZXMW.js";
import {
  setLabel
} from "./chunk-VQQTVLFL.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-KJS7FU2L.js";
import {
  POLICY_CHOICES,
  loadPolicy
} from "./chunk-Y4PLFU5D.js";
import "./chunk-CETXEPAT.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import {
  ExitCode
} from "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";

// src/cli/validations.ts
function hostOf(p) {
  return p.host.hostname ?? p.runner?.name ?? p.matrixId ?? (p.host.machineId ? `machine ${p.host.machineId.slice(7, 19)}` : "-");
}
function renderValidations(result) {
  const rows = [["SET", "PLATFORM", "HOST", "VERDICT", "WHEN", "SIGNER", "RECORD"]];
  for (const p of result.platforms) {
    for (const r of p.records) {
      if (!r.verified) continue;
      const signer = r.signer.kind === "key" ? `key ${r.signer.hint}` : r.signer.identity;
      for (const s of r.predicate.sets) {
        rows.push([
          setLabel(s),
          p.platform ?? "-",
          hostOf(r.predicate),
          s.compatible ? "pass" : "fail",
          r.predicate.time,
          signer,
          r.digest.slice(0, 19)
        ]);
      }
    }
  }
  if (rows.length === 1) return "no verified validation record\n";
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map(
    (r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()
  ).join("\n") + "\n";
}
var validationsCommand = {
  name: "validations",
  summary: "list an image's signed validation records",
  description: "For each platform of the image (or the one given), the validation records `validate --attest` attached, verified under the signature policy, newest first: set, platform, host, verdict, when, signer. Records that fail verification are named on stderr. Exit 0 (also when there are none), 2 bad input, 3 registry error, 4 a record was tampered with.",
  options: [
    IMAGE_OPTION,
    {
      flags: "--platform <os/arch[/variant]>",
      description: "only this platform of an index (default: every platform)"
    },
    {
      flags: "--output <format>",
      description: "output format",
      choices: ["table", "json"],
      default: "table"
    },
    {
      flags: "--fleet-out <dir>",
      description: "write the verified records' hosts (one per machine, scrubbed NodeFeatures) as a fleet folder for check --fleet"
    },
    ...POLICY_OPTIONS,
    ...REGISTRY_OPTIONS
  ],
  after: [
    REGISTRY_HELP,
    "",
    `Policy: ${inCliWords(POLICY_CHOICES)}; without one, no record is verified.`,
    "",
    "Examples:",
    "  image-compat validations --image ghcr.io/acme/app:1.0 --key ci.pub",
    "  image-compat validations --image ghcr.io/acme/app:1.0 --output json \\",
    '    --certificate-identity-regexp "^https://github.com/acme/" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    ""
  ].join("\n"),
  action: async (flags) => {
    const result = await listValidations({
      image: flags.image,
      ...flags.platform !== void 0 && { platform: flags.platform },
      policy: await loadPolicy(
        policyRequestOf(flags),
        (m) => process.stderr.write(`image-compat: note: ${m}
`)
      ),
      ...await registryOptionsFrom(flags)
    });
    process.stdout.write(
      flags.output === "json" ? `${JSON.stringify(result, null, 2)}
` : renderValidations(result)
    );
    if (flags.fleetOut !== void 0) {
      const files = await writeValidationsFleet(result, flags.fleetOut);
      process.stderr.write(`image-compat: wrote ${files.length} host snapshot(s) to ${flags.fleetOut}
`);
    }
    let tampered = false;
    for (const p of result.platforms) {
      for (const r of p.records) {
        if (r.verified) continue;
        if (r.class === "integrity") tampered = true;
        process.stderr.write(
          `image-compat: warning: ${p.platform ?? "image"}: validation record ${r.digest} not verified: ${r.reason}: ${r.message}
`
        );
      }
    }
    process.exitCode = tampered ? ExitCode.signature : ExitCode.ok;
  }
};
export {
  renderValidations,
  validationsCommand
};
