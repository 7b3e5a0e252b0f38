// Entry of the `report` action (report/action.yml -> dist/report.js): merge the validation reports
// of a matrix run into one job summary and a `compatible` output.
import { run } from './main/report.js';

await run();
