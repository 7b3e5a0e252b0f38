// Every verb of the CLI, in the order `--help` lists them. Each file in this folder defines one
// command's flags and printing; the work itself is in src/commands/.
import type { Command } from 'commander';
import { attachCommand } from './attach.js';
import { checkCommand } from './check.js';
import { discoverCommand } from './discover.js';
import { featuresCommand } from './features.js';
import { generateCommand } from './generate.js';
import { lintCommand } from './lint.js';
import { planCommand } from './plan.js';
import { reportCommand } from './report.js';
import { validateCommand } from './validate.js';
import { validationsCommand } from './validations.js';
import { verifyCommand } from './verify.js';

export const commands: Array<() => Command> = [
  validateCommand,
  featuresCommand,
  generateCommand,
  lintCommand,
  attachCommand,
  discoverCommand,
  verifyCommand,
  planCommand,
  reportCommand,
  checkCommand,
  validationsCommand,
];
