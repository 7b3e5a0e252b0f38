// Entry of the `select` action (select/action.yml -> dist/select.js): pick the manifest of an image
// index that fits this runner best; output `image` (`registry/repository@digest`) and a job summary.
import { run } from './main/select.js';

await run();
