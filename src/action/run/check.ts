// The check action's work, apart from reading inputs: run the check against the change's base (a
// pull request, merge queue group or push, read through the GitHub API so a depth-1 checkout
// serves; or the given baseline), then publish outputs (excluded/admitted hosts, changes), the job
// summary with the tables, one annotation per lint finding (10 per level; the rest in the
// summary), and the pull-request comment that is updated in place.
import * as core from '@actions/core';
import path from 'node:path';
import { loadPolicy } from '../../commands/policy.js';
import { checkExitCode, checkJson, renderCheckMarkdown } from '../../check/index.js';
import { check, type CheckResult } from '../../commands/check.js';
import { registryOptions } from '../../commands/registry-options.js';
import { inInputWords } from '../words.js';
import type { Annotation } from '../../report/annotations.js';
import { annotate, info, overflowMarkdown, setOutputs, type CheckInputs, writeSummary } from '../runtime.js';
import { writeOutput } from '../../io/write.js';
import { GitHubRepository } from '../github/api.js';
import { changeFromApi, type ChangeFromApi } from '../github/change-source.js';
import { commentBody, commentMarker } from '../github/comment.js';
import { publishComment } from '../github/publish-comment.js';

export interface CheckOutcome {
  result: CheckResult;
  /** The result as JSON (output `report`). */
  reportFile: string;
  /** The event's change and the API client, when the GitHub API was used. */
  github?: { repository: GitHubRepository; change: ChangeFromApi };
}

/** The change through the GitHub API, for a token, a repository and an event it knows. */
async function githubChange(inputs: CheckInputs): Promise<CheckOutcome['github']> {
  if (!inputs.githubToken || !inputs.repository || !inputs.eventName || !inputs.event) return undefined;
  const repository = new GitHubRepository(inputs.githubToken, inputs.repository);
  const change = await changeFromApi({
    github: repository,
    eventName: inputs.eventName,
    eventPath: inputs.event,
    config: inputs.config,
    workspace: inputs.workspace,
    base: !inputs.baseRef && !inputs.baseConfig && !inputs.baseImage,
    files: inputs.files.length === 0,
  });
  return change && { repository, change };
}

export async function run(inputs: CheckInputs): Promise<CheckOutcome> {
  const github = await githubChange(inputs);
  const api = github?.change;
  const files = api?.files ?? inputs.files;
  const notes: string[] = [];
  const fleetPolicy = await loadPolicy(inputs.policy, (m) => notes.push(m));
  const result = await check({
    config: inputs.config,
    ...(inputs.baseRef && { baseRef: inputs.baseRef }),
    ...(inputs.baseConfig && { baseConfig: inputs.baseConfig }),
    ...(inputs.baseImage && { baseImage: inputs.baseImage }),
    ...(inputs.fleet && { fleet: inputs.fleet }),
    ...(inputs.fleetImage && { fleetImage: inputs.fleetImage }),
    ...(fleetPolicy && { fleetPolicy }),
    ...((files.length || api?.files) && { files }),
    ...(api?.baseContent && { baseContent: api.baseContent }),
    ...(inputs.event && { event: inputs.event }),
    cwd: inputs.workspace,
    registry: await registryOptions(inputs.registry),
  });
  const reportFile = path.join(inputs.outputDir, 'check.json');
  if (api) result.notes.unshift(...api.notes);
  result.notes.unshift(...notes);
  await writeOutput(reportFile, checkJson(result), { what: 'the check report' });
  return { result, reportFile, ...(github && { github }) };
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
  const markdown = renderCheckMarkdown(result);
  await writeSummary(markdown + overflowMarkdown(overflow));
  const code = checkExitCode(result, inputs.failOnExclusion);
  const body = commentBody(commentMarker(`check ${inputs.config}`), markdown);
  setOutputs({ 'comment-content': body });
  if (outcome.github)
    await publishComment({
      github: outcome.github.repository,
      ...(outcome.github.change.change.pullNumber !== undefined && {
        pullNumber: outcome.github.change.change.pullNumber,
      }),
      marker: commentMarker(`check ${inputs.config}`),
      body,
      policy: inputs.commentPolicy,
      failed: code !== 0,
      title: 'image-compat check',
    });
  info(
    `${result.lint.errors} lint error(s), ${result.changes.length} requirement change(s)` +
      (result.fleet
        ? `, ${result.fleet.excluded.length} host(s) newly excluded, ${result.fleet.admitted.length} newly admitted`
        : ''),
  );
  for (const note of result.notes) info(`note: ${inInputWords(note)}`);
  if (code === 1)
    core.error(`newly excluded: ${result.fleet!.excluded.join(', ')}`, { title: 'image-compat check' });
  if (code !== 0) process.exitCode = code;
}
