// The report action's work, apart from reading inputs: merge the downloaded reports, write the
// Markdown and JSON files it names in outputs (and, with `fleet-out`, the fleet folder of the
// matrix's hosts), then publish outputs, summary, annotations and,
// on a pull request, the comment with the matrix verdict (updated in place).
import path from 'node:path';
import { fleetMessages, report, type ReportResult } from '../../commands/report.js';
import { ExitCode } from '../../errors.js';
import { mergedAnnotations } from '../../report/annotations.js';
import { annotate, info, overflowMarkdown, setOutputs, type ReportInputs, writeSummary } from '../runtime.js';
import { writeOutput } from '../../io/write.js';
import { neutraliseText } from '../../io/workflow-command.js';
import { commentBody, commentMarker } from '../github/comment.js';
import { publishComment } from '../github/publish-comment.js';

export interface ReportOutcome extends ReportResult {
  /** The Markdown summary, written to a file (output `summary`). */
  summaryFile: string;
  /** The merged result as JSON (output `report`). */
  reportFile: string;
}

export async function run(inputs: ReportInputs): Promise<ReportOutcome> {
  const matrix = inputs.matrix ? { text: inputs.matrix, source: 'input "matrix"' } : undefined;
  const result = await report({
    dir: inputs.path,
    require: inputs.require,
    matrix,
    allHostValues: inputs.allHostValues,
    ...(inputs.fleetOut && { fleetOut: path.resolve(inputs.fleetOut) }),
  });
  const summaryFile = path.join(inputs.outputDir, 'report-summary.md');
  const reportFile = path.join(inputs.outputDir, 'report.json');
  await writeOutput(summaryFile, result.markdown, { what: 'the summary' });
  await writeOutput(reportFile, `${JSON.stringify(result.merged, null, 2)}\n`, { what: 'the merged report' });
  return { ...result, summaryFile, reportFile };
}

export async function publish(outcome: ReportOutcome, inputs: ReportInputs): Promise<void> {
  const { merged } = outcome;
  info(`Merged ${outcome.files.length} reports from ${inputs.path}`);
  for (const file of outcome.skipped) info(`${file}: a host snapshot, listed, not merged`);
  for (const file of outcome.invalid) info(`${file}: not a valid report: counted as a failed run`);
  setOutputs({ compatible: merged.compatible, summary: outcome.summaryFile, report: outcome.reportFile });
  if (outcome.fleet) {
    const { notes, warnings } = fleetMessages(outcome.fleet);
    for (const note of notes) info(note);
    annotate(warnings.map((message) => ({ level: 'warning', message: neutraliseText(message) })));
    setOutputs({ fleet: outcome.fleet.dir });
  }
  const overflow = annotate(mergedAnnotations(merged));
  await writeSummary(outcome.markdown + overflowMarkdown(overflow));
  if (!merged.compatible) {
    info(`Not compatible under require: ${inputs.require} (${merged.shortfalls.length} shortfalls)`);
    if (inputs.failOnIncompatible) process.exitCode = ExitCode.incompatible;
  }
  const body = commentBody(commentMarker('report'), outcome.markdown);
  setOutputs({ 'comment-content': body });
  await publishComment({
    ...(inputs.githubToken && { token: inputs.githubToken }),
    ...(inputs.repository && { repository: inputs.repository }),
    ...(inputs.eventName && { eventName: inputs.eventName }),
    ...(inputs.event && { eventPath: inputs.event }),
    marker: commentMarker('report'),
    body,
    policy: inputs.commentPolicy ?? 'never',
    failed: !merged.compatible,
    title: 'image-compat report',
  });
}
