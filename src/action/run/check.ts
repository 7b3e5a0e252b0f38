// The check action's work, apart from reading inputs: run the check against the pull request's
// base (or the given baseline), then publish outputs (excluded/admitted hosts, changes), the job
// summary with the tables, and one annotation per lint finding (10 per level; the rest in the summary).
import * as core from '@actions/core';
import path from 'node:path';
import { checkExitCode, checkJson, renderCheckMarkdown } from '../../check/index.js';
import { check, type CheckResult } from '../../commands/check.js';
import { registryOptions } from '../../commands/registry-options.js';
import { inInputWords } from '../words.js';
import type { Annotation } from '../../report/annotations.js';
import { annotate, info, overflowMarkdown, setOutputs, type CheckInputs, writeSummary } from '../runtime.js';
import { writeOutput } from '../../io/write.js';

export interface CheckOutcome {
  result: CheckResult;
  /** The result as JSON (output `report`). */
  reportFile: string;
}

export async function run(inputs: CheckInputs): Promise<CheckOutcome> {
  const result = await check({
    config: inputs.config,
    ...(inputs.baseRef && { baseRef: inputs.baseRef }),
    ...(inputs.baseConfig && { baseConfig: inputs.baseConfig }),
    ...(inputs.baseImage && { baseImage: inputs.baseImage }),
    ...(inputs.fleet && { fleet: inputs.fleet }),
    ...(inputs.files.length && { files: inputs.files }),
    ...(inputs.event && { event: inputs.event }),
    registry: await registryOptions(inputs.registry),
  });
  const reportFile = path.join(inputs.outputDir, 'check.json');
  await writeOutput(reportFile, checkJson(result), { what: 'the check report' });
  return { result, reportFile };
}

/** Lint findings as annotations on the files' lines. */
export function lintAnnotations(result: CheckResult): Annotation[] {
  return result.lint.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      level: d.severity,
      title: `image-compat lint${d.position.path ? `: ${d.position.path}` : ''}`,
      message: `${d.message}${d.hint ? ` (${d.hint})` : ''}`,
      ...(d.position.file !== undefined && { file: d.position.file }),
      ...(d.position.line !== undefined && { line: d.position.line }),
      ...(d.position.column !== undefined && { column: d.position.column }),
    })),
  );
}

export async function publish(outcome: CheckOutcome, inputs: CheckInputs): Promise<void> {
  const { result } = outcome;
  setOutputs({
    'excluded-hosts': JSON.stringify(result.fleet?.excluded ?? []),
    'admitted-hosts': JSON.stringify(result.fleet?.admitted ?? []),
    changes: JSON.stringify(result.changes),
  });
  const overflow = annotate(lintAnnotations(result));
  await writeSummary(renderCheckMarkdown(result) + overflowMarkdown(overflow));
  info(
    `${result.lint.errors} lint error(s), ${result.changes.length} requirement change(s)` +
      (result.fleet
        ? `, ${result.fleet.excluded.length} host(s) newly excluded, ${result.fleet.admitted.length} newly admitted`
        : ''),
  );
  for (const note of result.notes) info(`note: ${inInputWords(note)}`);
  const code = checkExitCode(result, inputs.failOnExclusion);
  if (code === 1)
    core.error(`newly excluded: ${result.fleet!.excluded.join(', ')}`, { title: 'image-compat check' });
  if (code !== 0) process.exitCode = code;
}
