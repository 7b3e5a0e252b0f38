// Entry of the `check` action (check/action.yml -> dist/check.js): the pull-request check of a
// compatibility config: lint annotations, requirement changes, hosts newly excluded or admitted.
import { publish, run } from './run/check.js';
import { readCheckInputs, runAction } from './runtime.js';

await runAction(readCheckInputs, run, publish);
