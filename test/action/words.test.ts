// The settings lower rooms name (src/settings.ts), written by each edge in its own words: the CLI
// as flags, the actions as inputs. Every setting has a word at both edges.
import { describe, expect, it } from '@jest/globals';
import { inInputWords, inputWord } from '../../src/action/words.js';
import { cliWord, inCliWords } from '../../src/cli/words.js';
import { inWords, setting, SETTINGS } from '../../src/settings.js';

describe('settings in each edge’s words', () => {
  const message = `${setting('tags')} gpu selects no compatibility set; use ${setting('plain-http')} (see \`other\`)`;

  it('the CLI writes flags', () => {
    expect(inCliWords(message)).toBe(
      '--tags gpu selects no compatibility set; use --plain-http (see `other`)',
    );
    expect(cliWord('public-key')).toBe('--key');
    expect(cliWord('signing-key-env')).toBe('--key-env');
  });

  it('the actions write inputs', () => {
    expect(inInputWords(message)).toBe(
      '`compatibility` gpu selects no compatibility set; use `plain-http` (see `other`)',
    );
    expect(inputWord('public-key')).toBe('`public-key`');
  });

  it.each(SETTINGS)('%s has a word at both edges, never a flag in the actions', (name) => {
    expect(cliWord(name)).toMatch(/^(--[a-z-]+|GITHUB_TOKEN)/);
    expect(inputWord(name)).toMatch(/^`[a-z-]+`$/);
  });

  it('leaves text that names no setting alone', () => {
    expect(inWords('plain `text` and --flags', () => 'X')).toBe('plain `text` and --flags');
  });
});
