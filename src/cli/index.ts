// Every verb of the CLI, in the order `--help` lists them. Each file in this folder defines one
// command's flags and printing; the work itself is in src/commands/.
import type { Command } from 'commander';
import { attachCommand } from './attach.js';
import { discoverCommand } from './discover.js';

export const commands: Array<() => Command> = [attachCommand, discoverCommand];
