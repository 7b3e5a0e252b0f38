// Entry of the plan action (plan/action.yml -> dist/plan.js): the validation matrix as the `matrix`
// output for `strategy.matrix.include`, and a summary table.
import { run } from './main/plan.js';

await run();
