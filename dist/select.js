import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  select,
  selectExitCode,
  selectMarkdown
} from "./chunks/chunk-7VZ2I7ET.js";
import "./chunks/chunk-QAR2RQ4H.js";
import "./chunks/chunk-KYOVLEYI.js";
import "./chunks/chunk-7J2VHVIM.js";
import "./chunks/chunk-G3FNBI2S.js";
import "./chunks/chunk-T3PCSXR4.js";
import "./chunks/chunk-QBVQPRCO.js";
import "./chunks/chunk-HIZ7TLNX.js";
import "./chunks/chunk-Y4PLFU5D.js";
import "./chunks/chunk-VHXEUIKY.js";
import "./chunks/chunk-KNVR5ANA.js";
import "./chunks/chunk-JLEFDGDL.js";
import "./chunks/chunk-ZC6TAHSD.js";
import {
  registryOptions
} from "./chunks/chunk-CETXEPAT.js";
import "./chunks/chunk-5POD2GZZ.js";
import "./chunks/chunk-EMVFEL76.js";
import "./chunks/chunk-Y6GGFIRV.js";
import "./chunks/chunk-FVFOLBOD.js";
import "./chunks/chunk-GTYZII3F.js";
import "./chunks/chunk-ARJZT3GV.js";
import "./chunks/chunk-LNR5OBVR.js";
import "./chunks/chunk-ZBJJTEMS.js";
import "./chunks/chunk-6K2UG3UQ.js";
import "./chunks/chunk-3OLLROG6.js";
import "./chunks/chunk-CC76JYNC.js";
import "./chunks/chunk-CEMVL7P3.js";
import "./chunks/chunk-4PFJNI3I.js";
import "./chunks/chunk-LOFLUJHY.js";
import {
  error,
  inInputWords,
  info2 as info,
  readSelectInputs,
  runAction,
  setOutputs,
  warning,
  writeSummary
} from "./chunks/chunk-K6DOW5V5.js";
import "./chunks/chunk-PIRTYTCX.js";
import "./chunks/chunk-QG2XQ7B5.js";
import "./chunks/chunk-THTKVCSJ.js";
import "./chunks/chunk-SYP4RMMF.js";
import "./chunks/chunk-3HEGI24S.js";
import "./chunks/chunk-MGVSXMIB.js";
import "./chunks/chunk-U6BYPZCD.js";
import {
  ExitCode,
  InputError,
  SignatureError
} from "./chunks/chunk-TS22JX7Z.js";
import "./chunks/chunk-Q256A2XO.js";
import "./chunks/chunk-R5CBN7CG.js";

// src/action/run/select.ts
async function run(inputs) {
  const notes = [];
  const warnings = [];
  const result = await select(
    {
      image: inputs.image,
      ...inputs.features ? { features: inputs.features } : { hostRoot: inputs.hostRoot },
      policy: inputs.policy,
      requireSignature: inputs.requireSignature,
      ...await registryOptions(inputs.registry)
    },
    { note: (m) => notes.push(m), warn: (m) => warnings.push(m) }
  );
  if (result.cluster) {
    throw new InputError(
      `input "features": the select action selects for one host; the snapshot has ${result.hosts.length} (use image-compat select --features for a cluster)`
    );
  }
  return { result, notes, warnings };
}
async function publish(outcome, _inputs) {
  for (const n of outcome.notes) info(inInputWords(n));
  for (const w of outcome.warnings) warning(inInputWords(w), { title: "image-compat" });
  const { result } = outcome;
  const host = result.hosts[0];
  setOutputs({ image: host.chosen ?? "" });
  await writeSummary(selectMarkdown(result));
  for (const r of host.ranking)
    info(`#${r.position + 1} ${result.candidates[r.position].reference}: ${r.reason}`);
  const code = selectExitCode(result);
  if (code === ExitCode.input)
    throw new InputError(`cannot tell this host's architecture (no kubernetes.io/arch label, no cpu flags)`);
  if (code === ExitCode.signature)
    throw new SignatureError(
      `input "require-signature": no candidate of ${result.image} with a trusted compatibility artifact fits this host`
    );
  if (code === ExitCode.incompatible) {
    error(inInputWords(`no candidate of ${result.image} fits this host`), { title: "image-compat" });
    process.exitCode = ExitCode.incompatible;
    return;
  }
  info(`chosen: ${host.chosen}`);
}

// src/action/main/select.ts
function run2() {
  return runAction(readSelectInputs, run, publish);
}

// src/action/select.ts
await run2();
