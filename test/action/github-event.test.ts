// The pure parts of the GitHub-native check: the change an event names, and the comment body.
import { describe, expect, it } from '@jest/globals';
import { changeOf, eventNameOf } from '../../src/check/event.js';
import { commentBody, commentMarker } from '../../src/action/github/comment.js';

const A = 'a'.repeat(40);
const B = 'b'.repeat(40);

describe('changeOf', () => {
  it.each([
    [
      'pull_request',
      { number: 3, pull_request: { number: 3, base: { sha: A }, head: { sha: B } } },
      { kind: 'pull_request', base: A, head: B, pullNumber: 3 },
    ],
    [
      'pull_request_target',
      { pull_request: { number: 4, base: { sha: A }, head: { sha: B } } },
      { kind: 'pull_request', base: A, head: B, pullNumber: 4 },
    ],
    ['merge_group', { merge_group: { base_sha: A, head_sha: B } }, { kind: 'merge_group', base: A, head: B }],
    ['push', { before: A, after: B }, { kind: 'push', base: A, head: B }],
    ['push', { before: '0'.repeat(40), after: B }, { kind: 'push', head: B }],
    ['push', { after: B }, { kind: 'push', head: B }],
    ['pull_request', { pull_request: { base: { sha: 'main' }, head: { sha: B } } }, undefined],
    ['pull_request', { pull_request: { base: { sha: A }, head: { sha: `${B}\n::error::x` } } }, undefined],
    ['merge_group', { merge_group: { base_sha: A } }, undefined],
    ['push', { before: A, after: 'HEAD' }, undefined],
    ['workflow_dispatch', { inputs: {} }, undefined],
    ['pull_request', undefined, undefined],
  ])('%s %j', (name, payload, expected) => {
    expect(changeOf(name, payload as Record<string, unknown> | undefined)).toEqual(expected);
  });
});

describe('comment body', () => {
  it('starts with the marker, a hidden HTML comment that cannot be closed early', () => {
    expect(commentMarker('check a--b>.yaml')).toBe('<!-- image-compat: check a-b.yaml -->');
    expect(commentBody(commentMarker('x'), '## result')).toBe('<!-- image-compat: x -->\n## result');
  });

  it('is cut to fit a comment, saying so', () => {
    const body = commentBody('<!-- m -->', 'x'.repeat(100_000));
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(body.startsWith('<!-- m -->\n')).toBe(true);
    expect(body).toMatch(/cut to fit a comment: the job summary has the whole result/);
  });
});

describe('eventNameOf: the event a payload is, by its shape (the CLI has only the file)', () => {
  it.each([
    [{ pull_request: {} }, 'pull_request'],
    [{ merge_group: {} }, 'merge_group'],
    [{ before: A, after: B }, 'push'],
    [{ after: B }, undefined],
    [{ action: 'opened' }, undefined],
    [undefined, undefined],
  ])('%j -> %s', (payload, name) => {
    expect(eventNameOf(payload as Record<string, unknown> | undefined)).toBe(name);
  });
});
