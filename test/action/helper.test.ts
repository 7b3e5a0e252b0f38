// The action test helper reads what the runner would: check its parsers on their own.
import { describe, expect, it } from '@jest/globals';
import { parseKeyValueFile, parseWorkflowCommands } from '../helpers/action.js';

describe('parseKeyValueFile', () => {
  it('reads name=value lines and name<<DELIMITER blocks', () => {
    const text = 'a=1\nmulti<<ghadelimiter_x\nline 1\nline=2\nghadelimiter_x\nb=x=y\nempty<<EOF\nEOF\n';
    expect(parseKeyValueFile(text)).toEqual({ a: '1', multi: 'line 1\nline=2', b: 'x=y', empty: '' });
  });

  it('refuses an unterminated block', () => {
    expect(() => parseKeyValueFile('a<<EOF\nx\n')).toThrow(/unterminated a<<EOF/);
  });
});

describe('parseWorkflowCommands', () => {
  it('reads commands with properties and unescapes them', () => {
    const out =
      '::error file=a%2Cb.yaml,line=3,title=x%3A y::first%0Asecond 100%25\nplain text\n::add-mask::s3cret\n::endgroup::\n';
    expect(parseWorkflowCommands(out)).toEqual([
      {
        command: 'error',
        properties: { file: 'a,b.yaml', line: '3', title: 'x: y' },
        message: 'first\nsecond 100%',
      },
      { command: 'add-mask', properties: {}, message: 's3cret' },
      { command: 'endgroup', properties: {}, message: '' },
    ]);
  });

  it('does not unescape twice', () => {
    expect(parseWorkflowCommands('::notice title=%253A::%250A')[0]).toMatchObject({
      properties: { title: '%3A' },
      message: '%0A',
    });
  });
});
