// The `--output text|json` flag of the registry verbs (attach, detach, discover): one definition,
// in a file of its own so that a command's module does not load another command's to get it.
import type { OptionDefinition } from './definition.js';

export const OUTPUT_OPTION: OptionDefinition = {
  flags: '--output <format>',
  description: 'output format',
  choices: ['text', 'json'],
  default: 'text',
};
