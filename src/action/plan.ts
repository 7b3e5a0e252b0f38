// Entry of the plan action (plan/action.yml -> dist/plan.js): the validation matrix as the `matrix`
// output for `strategy.matrix.include`, and a summary table.
import { publish, run } from './run/plan.js';
import { readPlanInputs, runAction } from './runtime.js';

await runAction(readPlanInputs, run, publish);
