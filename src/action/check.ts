// Entry of the `check` action (check/action.yml -> dist/check.js): the pull-request check of a
// compatibility config: lint annotations, requirement changes, hosts newly excluded or admitted.
import { run } from './main/check.js';

await run();
