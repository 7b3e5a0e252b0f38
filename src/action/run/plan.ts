// The plan action's work, apart from reading inputs: the validation matrix of the config (the same
// as `image-compat plan`), published as the `matrix` output and a summary table.
import * as core from '@actions/core';
import { plan } from '../../commands/plan.js';
import type { PlanEntry } from '../../config/plan.js';
import { tableRow, text } from '../../report/format.js';
import { setOutputs, writeSummary, type PlanInputs } from '../runtime.js';

export async function run(inputs: PlanInputs): Promise<PlanEntry[]> {
  return plan({ config: inputs.config });
}

/**
 * The `plan` command's entries, each also naming its set as `compatibility`: the validate action's
 * input of that name reads `${{ matrix.compatibility }}` (action.yml and the example workflow).
 */
export function matrixOf(entries: readonly PlanEntry[]): Array<PlanEntry & { compatibility: string }> {
  return entries.map((e) => ({ ...e, compatibility: e.name }));
}

export function planMarkdown(entries: readonly PlanEntry[], config: string): string {
  const out = ['## image-compat plan', '', `${entries.length} validation jobs from \`${config}\`.`, ''];
  out.push(
    tableRow(['Job id', 'Set', 'Platform', 'Weight', 'Runs on']),
    tableRow(['---', '---', '---', '---', '---']),
  );
  for (const e of entries) {
    out.push(
      tableRow([
        `\`${e.id}\``,
        text(e.name),
        text(e.platform || 'any'),
        String(e.weight),
        e['runs-on'].map((l) => `\`${l}\``).join(', '),
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}

export async function publish(entries: PlanEntry[], inputs: PlanInputs): Promise<void> {
  core.info(`${entries.length} validation jobs planned from ${inputs.config}`);
  // GitHub refuses a matrix of more than 256 jobs: say so here rather than in a confusing run error.
  if (entries.length > 256) core.warning(`the matrix has ${entries.length} jobs; GitHub allows at most 256`);
  setOutputs({ matrix: JSON.stringify(matrixOf(entries)) });
  await writeSummary(planMarkdown(entries, inputs.config));
}
