// Annotations as data: what should be flagged in the workflow run. The action edge prints them
// (at most 10 per level are shown by GitHub; the rest go to the job summary).
import type { MergedReport } from './merge.js';
import { neutraliseText } from '../io/workflow-command.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  message: string;
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** One error per shortfall of a merged report: the set, the runner and why. */
export function mergedAnnotations(merged: MergedReport): Annotation[] {
  return merged.shortfalls.map((s) => {
    const where = [s.runner && `on ${s.runner}`, s.platform && `(${s.platform})`].filter(Boolean).join(' ');
    // The set, runner and reason come from reports: data, never a workflow command when printed.
    return {
      level: 'error',
      title: neutraliseText(`image-compat: ${s.set} not compatible`),
      message: neutraliseText(`${s.set}${where ? ` ${where}` : ''}: ${s.reason}`),
    };
  });
}
