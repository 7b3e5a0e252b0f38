// Entry of the `validate` action (validate/action.yml -> dist/validate.js): evaluate this runner
// (or a snapshot) against an image's compatibility artifact or a spec file; outputs, report,
// job summary and one annotation per failed rule.
import { run } from './main/validate.js';

await run();
