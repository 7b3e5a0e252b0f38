// The `--output text|json` flag of the registry verbs (attach, detach, discover): one definition,
// in a file of its own so that a command's module does not load another command's to get it.
import { Option } from 'commander';

export function outputOption(): Option {
  return new Option('--output <format>', 'output format').choices(['text', 'json']).default('text');
}
