// Annotations as data: what should be flagged in the workflow run. The action edge prints them
// (at most 10 per level are shown by GitHub; the rest go to the job summary).
import type { MergedReport } from './merge.js';

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
    return {
      level: 'error',
      title: `image-compat: ${s.set} not compatible`,
      message: `${s.set}${where ? ` ${where}` : ''}: ${s.reason}`,
    };
  });
}
