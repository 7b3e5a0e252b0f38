// Lint of a rule's varsTemplate (the nfd engineer's rule, kept apart from the config room's
// rules.ts): a template NFD cannot parse, or one longer than NFD's 64 KiB cap, fails every
// evaluation where the rule matches. The parser is the evaluator's own (src/match/template).
import { checkTemplate } from '../match/template/index.js';
import { positionOf, type Diagnostic, type PathSegment, type SourceDocument } from '../spec/document.js';

/** An error diagnostic when the rule at `rulePath` has a varsTemplate NFD would refuse. */
export function lintVarsTemplate(src: SourceDocument, rulePath: PathSegment[], rule: unknown): Diagnostic[] {
  const template = (rule as { varsTemplate?: unknown } | null)?.varsTemplate;
  if (typeof template !== 'string' || template === '') return [];
  try {
    checkTemplate(template);
    return [];
  } catch (err) {
    return [
      {
        severity: 'error',
        message: `varsTemplate: ${(err as Error).message}`,
        position: positionOf(src, [...rulePath, 'varsTemplate']),
      },
    ];
  }
}
