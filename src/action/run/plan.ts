// The plan action's work, apart from reading inputs: the validation matrix of the config (the same
// as `image-compat plan`; against the image index when `image` is given: one entry per set and
// manifest, with its `manifest` digest), published as the `matrix` output and a summary table.
import * as core from '@actions/core';
import { plan } from '../../commands/plan.js';
import { registryOptions } from '../../commands/registry-options.js';
import type { PlanEntry } from '../../config/plan.js';
import { tableRow, text } from '../../report/format.js';
import { setOutputs, writeSummary, type PlanInputs } from '../runtime.js';

export async function run(inputs: PlanInputs): Promise<PlanEntry[]> {
  if (!inputs.image) return plan({ config: inputs.config });
  return plan({ config: inputs.config, image: inputs.image, ...(await registryOptions(inputs.registry)) });
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
        `${text(e.platform || 'any')}${e.manifest ? ` \`${e.manifest.slice(0, 19)}…\`` : ''}`,
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
  // Exactly the `plan` command's array: workflows pass `${{ matrix.name }}` as the validate action's `compatibility`.
  setOutputs({ matrix: JSON.stringify(entries) });
  await writeSummary(planMarkdown(entries, inputs.config));
}
