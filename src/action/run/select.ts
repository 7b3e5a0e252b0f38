// The select action's work, apart from reading inputs: the same selection as `image-compat select`
// (src/commands/select.ts) for this runner (or a mounted host root, or a one-host snapshot), the
// chosen `registry/repository@digest` as output `image`, and the job summary table of every
// candidate with why it won or lost. None fits: the step fails (exit 1); a signature policy left
// no trusted candidate: exit 4; the host's architecture cannot be told: exit 2.
import * as core from '@actions/core';
import { registryOptions } from '../../commands/registry-options.js';
import { select, selectExitCode, type SelectResult } from '../../commands/select.js';
import { ExitCode, InputError, SignatureError } from '../../errors.js';
import { selectMarkdown } from '../../report/select.js';
import { info, setOutputs, writeSummary, type SelectInputs } from '../runtime.js';
import { inInputWords } from '../words.js';

export interface SelectOutcome {
  result: SelectResult;
  notes: string[];
  warnings: string[];
}

export async function run(inputs: SelectInputs): Promise<SelectOutcome> {
  const notes: string[] = [];
  const warnings: string[] = [];
  const result = await select(
    {
      image: inputs.image,
      ...(inputs.features ? { features: inputs.features } : { hostRoot: inputs.hostRoot }),
      policy: inputs.policy,
      requireSignature: inputs.requireSignature,
      ...(await registryOptions(inputs.registry)),
    },
    { note: (m) => notes.push(m), warn: (m) => warnings.push(m) },
  );
  if (result.cluster) {
    throw new InputError(
      `input "features": the select action selects for one host; the snapshot has ${result.hosts.length} (use image-compat select --features for a cluster)`,
    );
  }
  return { result, notes, warnings };
}

export async function publish(outcome: SelectOutcome, _inputs: SelectInputs): Promise<void> {
  for (const n of outcome.notes) info(inInputWords(n));
  for (const w of outcome.warnings) core.warning(inInputWords(w), { title: 'image-compat' });
  const { result } = outcome;
  const host = result.hosts[0]!;
  setOutputs({ image: host.chosen ?? '' });
  await writeSummary(selectMarkdown(result));
  for (const r of host.ranking)
    info(`#${r.position + 1} ${result.candidates[r.position]!.reference}: ${r.reason}`);
  const code = selectExitCode(result);
  if (code === ExitCode.input)
    throw new InputError(`cannot tell this host's architecture (no kubernetes.io/arch label, no cpu flags)`);
  if (code === ExitCode.signature)
    throw new SignatureError(
      `input "require-signature": no candidate of ${result.image} with a trusted compatibility artifact fits this host`,
    );
  if (code === ExitCode.incompatible) {
    core.error(inInputWords(`no candidate of ${result.image} fits this host`), { title: 'image-compat' });
    process.exitCode = ExitCode.incompatible;
    return;
  }
  info(`chosen: ${host.chosen}`);
}
