// Entry of the `report` action (report/action.yml -> dist/report.js): merge the validation reports
// of a matrix run into one job summary and a `compatible` output.
import { publish, run } from './run/report.js';
import { readReportInputs, runAction } from './runtime.js';

await runAction(readReportInputs, run, publish);
