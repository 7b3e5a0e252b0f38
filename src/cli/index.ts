// Every verb of the CLI, in the order `--help` lists them. Each file in this folder defines one
// command's flags and printing; the work itself is in src/commands/.
import type { Command } from 'commander';
import { generateCommand } from './generate.js';
import { lintCommand } from './lint.js';
import { planCommand } from './plan.js';
import { validateCommand } from './validate.js';

export const commands: Array<() => Command> = [generateCommand, lintCommand, planCommand, validateCommand];
