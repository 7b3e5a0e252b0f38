// The CLI's words for the settings lower rooms name (src/settings.ts): its flags.
import { inWords, type Setting } from '../settings.js';

const FLAGS: Partial<Record<Setting, string>> = {
  password: '--password-stdin (or IMAGE_COMPAT_PASSWORD)',
  'github-token': 'GITHUB_TOKEN',
  'signing-key': '--key',
  'signing-key-env': '--key-env',
  'public-key': '--key',
  // The sources of a spec, as the help writes them: "give exactly one of --spec FILE, ...".
  spec: '--spec FILE',
  config: '--config FILE',
  image: '--image REF',
};

export function cliWord(name: Setting): string {
  return FLAGS[name] ?? `--${name}`;
}

/** A message from below, in the CLI's words. */
export function inCliWords(message: string): string {
  return inWords(message, cliWord);
}
