// Every verb of the CLI, in the order `--help` lists them. Each file in this folder defines one
// command's flags and printing; the work itself is in src/commands/.
//
// A start imports only the module of the command it runs (run.ts: `commandsFor`), so that
// `features` never compiles the registry client or the signing code. Each entry is the command's
// name and a loader of its definition (cli/definition.ts); the name must be the definition's (a
// test checks). To add a command, one line in the list (and no import above):
//   select: async () => (await import('./select.js')).selectCommand,
// (today's style, `import { selectCommand } from './select.js';` plus `selectCommand,` in a list,
// converts to that line). The program's own help, `help`, and an unknown or missing command load
// every entry: commander lists them and suggests names from them, as it always did. `validate`
// and `features` stay listed for those, though their own starts run builds of their own (the
// launcher, src/cli.ts, picks src/cli-validate.ts or src/cli-features.ts).
import type { CommandTable } from './definition.js';

export const commands: CommandTable = {
  validate: async () => (await import('./validate.js')).validateCommand,
  features: async () => (await import('./features.js')).featuresCommand,
  generate: async () => (await import('./generate.js')).generateCommand,
  lint: async () => (await import('./lint.js')).lintCommand,
  attach: async () => (await import('./attach.js')).attachCommand,
  discover: async () => (await import('./discover.js')).discoverCommand,
  detach: async () => (await import('./detach.js')).detachCommand,
  verify: async () => (await import('./verify.js')).verifyCommand,
  plan: async () => (await import('./plan.js')).planCommand,
  report: async () => (await import('./report.js')).reportCommand,
  check: async () => (await import('./check.js')).checkCommand,
  export: async () => (await import('./export.js')).exportCommand,
  select: async () => (await import('./select.js')).selectCommand,
  validations: async () => (await import('./validations.js')).validationsCommand,
};
