// The actions' words for the settings lower rooms name (src/settings.ts): their inputs. Most
// inputs carry the setting's own name; the set selection is `compatibility`, and a key is always
// given as content (`signing-key`), never through a variable.
import { inWords, type Setting } from '../settings.js';

const INPUTS: Partial<Record<Setting, string>> = {
  tags: 'compatibility',
  'signing-key-env': 'signing-key',
  event: 'base-ref',
};

export function inputWord(name: Setting): string {
  return `\`${INPUTS[name] ?? name}\``;
}

/** A message from below, in the actions' words. */
export function inInputWords(message: string): string {
  return inWords(message, inputWord);
}
