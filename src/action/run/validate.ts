// The validate action's work, apart from reading inputs: the same run as `image-compat validate`
// (src/commands/validate-run.ts: spec or image artifact with its signature policy, this host, a
// host root or a snapshot, the platform requirement), then the report and host snapshot files it
// names in outputs, the job summary and annotations. The report is written also when the run
// fails (exit 2, 3, 4: `error: {code, message}`), so that the report action names the job.
import * as core from '@actions/core';
import path from 'node:path';
import { attestValidation, parseRunnerLabels } from '../../commands/attest.js';
import { registryOptions } from '../../commands/registry-options.js';
import { resolveSigning } from '../../commands/signing.js';
import { failureReport, runValidation } from '../../commands/validate-run.js';
import type { ValidationProgress, ValidationRequest } from '../../commands/validate-run.js';
import { ExitCode } from '../../errors.js';
import type { ValidationReport } from '../../report/report.js';
import { outputReport } from '../../report/results.js';
import { renderValidationMarkdown, validationAnnotations } from '../../report/validation.js';
import { makeFolder, writeOutput } from '../../io/write.js';
import {
  annotate,
  info,
  overflowMarkdown,
  setOutputs,
  writeSummary,
  type ValidateInputs,
} from '../runtime.js';
import { inInputWords } from '../words.js';

export interface ValidateOutcome {
  report: ValidationReport;
  /** Path of the JSON report (output `report`). */
  reportFile: string;
  /** Path of the host snapshot, a NodeFeature (output `features`). */
  featuresFile: string;
  /** The validation record's digest (output `validation-record`), with `attest`. */
  record?: string;
  markdown: string;
  /** Warnings met on the way (spec warnings, ignored artifacts, a platform the host cannot run). */
  warnings: string[];
  notes: string[];
}

/** The inputs as the shared run's request. */
export async function requestOf(inputs: ValidateInputs): Promise<ValidationRequest> {
  return {
    ...(inputs.spec && { spec: inputs.spec }),
    ...(inputs.image && { image: inputs.image }),
    ...(inputs.platform && { platform: inputs.platform }),
    ...(inputs.manifest && { manifest: inputs.manifest }),
    ...(inputs.features ? { features: inputs.features } : { hostRoot: inputs.hostRoot }),
    ...(inputs.compatibility && { compatibility: inputs.compatibility }),
    policy: inputs.policy,
    requireSignature: inputs.requireSignature,
    strict: inputs.strict ?? false,
    ...(inputs.matrixId && { matrixId: inputs.matrixId }),
    ...(inputs.runnerName && { runner: inputs.runnerName }),
    // The action always writes its report: one host (a cluster snapshot is an error naming `features`).
    oneHost: ['report'],
    ...(await registryOptions(inputs.registry)),
  };
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeOutput(file, `${JSON.stringify(value, null, 2)}\n`, { what: 'the report' });
}

export async function run(inputs: ValidateInputs): Promise<ValidateOutcome> {
  const warnings: string[] = [];
  const notes: string[] = [];
  const req = await requestOf(inputs);
  const progress: ValidationProgress = {};
  await makeFolder(inputs.outputDir, { what: 'the report' });
  const reportFile = path.join(inputs.outputDir, 'report.json');
  const featuresFile = path.join(inputs.outputDir, 'features.json');
  let got;
  let record: string | undefined;
  try {
    // The key (or the OIDC setup) is checked before the run: a bad key validates nothing.
    const sign = inputs.attest
      ? await resolveSigning(
          {
            ...(inputs.attestKey && { keyText: inputs.attestKey }),
            ...(inputs.attestKeyPassword && { password: inputs.attestKeyPassword }),
            ...(!inputs.attestKey && { keylessOnly: true }),
          },
          process.env,
        )
      : undefined;
    const labels = inputs.runnerLabels ? parseRunnerLabels(inputs.runnerLabels) : [];
    got = await runValidation(req, { note: (m) => notes.push(m), warn: (m) => warnings.push(m) }, progress);
    if (sign) {
      const attested = await attestValidation(got, {
        image: inputs.image!,
        sign,
        fromMachine: !inputs.features,
        hostRoot: inputs.hostRoot,
        ...(inputs.runnerName && { runnerName: inputs.runnerName }),
        ...(labels.length && { runnerLabels: labels }),
        ...(inputs.matrixId && { matrixId: inputs.matrixId }),
        ...(await registryOptions(inputs.registry)),
      });
      record = attested.digest;
      got.report!.attestation = attested.digest;
      notes.push(`attached validation record ${attested.record} to ${attested.subject}`);
    }
  } catch (err) {
    // No verdict: the report still goes out (with `error`), so the report action names this job.
    await writeJson(reportFile, failureReport(err, req, progress));
    setOutputs({ compatible: false, report: reportFile });
    for (const n of notes) info(inInputWords(n));
    for (const w of warnings) core.warning(inInputWords(w), { title: 'image-compat' });
    throw err;
  }
  // Host values capped (the first 16 and the total) unless input all-host-values.
  const report = outputReport(got.report!, { allHostValues: inputs.allHostValues });
  await writeJson(reportFile, report);
  await writeJson(featuresFile, got.nodeFeature);
  return {
    report,
    reportFile,
    featuresFile,
    ...(record && { record }),
    markdown: renderValidationMarkdown(report),
    warnings,
    notes,
  };
}

export async function publish(outcome: ValidateOutcome, inputs: ValidateInputs): Promise<void> {
  for (const n of outcome.notes) info(inInputWords(n));
  for (const w of outcome.warnings) core.warning(inInputWords(w), { title: 'image-compat' });
  const { report } = outcome;
  setOutputs({
    compatible: report.compatible,
    report: outcome.reportFile,
    features: outcome.featuresFile,
    ...(outcome.record && { 'validation-record': outcome.record }),
  });
  const overflow = annotate(validationAnnotations(report));
  await writeSummary(outcome.markdown + overflowMarkdown(overflow));
  info(`${report.host.name}: ${report.compatible ? 'compatible' : 'not compatible'}`);
  if (!report.compatible && inputs.failOnIncompatible) process.exitCode = ExitCode.incompatible;
}
