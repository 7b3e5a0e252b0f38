// The in-toto Statement: building ours, parsing v1 and v0.1, subject matching.

import { describe, expect, it } from '@jest/globals';
import { SignatureError } from '../../src/errors.js';
import {
  COMPATIBILITY_PREDICATE_TYPE,
  STATEMENT_V01,
  STATEMENT_V1,
  buildCompatibilityStatement,
  parseStatement,
  serializeStatement,
  sourceFromGitHubEnv,
  statementCoversDigest,
} from '../../src/sign/statement.js';

const A = `sha256:${'a'.repeat(64)}`;
const input = {
  subjectName: 'ghcr.io/acme/app',
  artifactDigest: A,
  imageDigest: `sha256:${'b'.repeat(64)}`,
  spec: { digest: `sha256:${'c'.repeat(64)}`, mediaType: 'application/vnd.nfd.image-compatibility.v1alpha1' },
};

describe('buildCompatibilityStatement', () => {
  it('names the artifact manifest as subject and describes image and spec', () => {
    expect(buildCompatibilityStatement(input)).toEqual({
      _type: STATEMENT_V1,
      subject: [{ name: 'ghcr.io/acme/app', digest: { sha256: 'a'.repeat(64) } }],
      predicateType: COMPATIBILITY_PREDICATE_TYPE,
      predicate: { image: { digest: input.imageDigest }, spec: input.spec },
    });
  });

  it('adds the source when known, leaving out empty fields', () => {
    const s = buildCompatibilityStatement({
      ...input,
      source: { repository: 'https://github.com/acme/app', commit: '' },
    });
    expect(s.predicate.source).toEqual({ repository: 'https://github.com/acme/app' });
  });

  it('refuses a digest that is not sha256', () => {
    expect(() => buildCompatibilityStatement({ ...input, artifactDigest: 'sha512:abc' })).toThrow(
      SignatureError,
    );
  });
});

describe('sourceFromGitHubEnv', () => {
  it('reads repository, commit and workflow', () => {
    expect(
      sourceFromGitHubEnv({
        GITHUB_SERVER_URL: 'https://ghe.example',
        GITHUB_REPOSITORY: 'acme/app',
        GITHUB_SHA: 'deadbeef',
        GITHUB_WORKFLOW_REF: 'acme/app/.github/workflows/release.yml@refs/tags/v1',
      }),
    ).toEqual({
      repository: 'https://ghe.example/acme/app',
      commit: 'deadbeef',
      workflow: 'acme/app/.github/workflows/release.yml@refs/tags/v1',
    });
  });
  it('is undefined outside Actions', () => {
    expect(sourceFromGitHubEnv({})).toBeUndefined();
  });
});

describe('parseStatement', () => {
  it.each([STATEMENT_V1, STATEMENT_V01])('accepts %s', (type) => {
    const s = { ...buildCompatibilityStatement(input), _type: type };
    expect(parseStatement(serializeStatement(s))).toEqual(s);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['not an object', '42', /not an in-toto Statement/],
    [
      'another type',
      JSON.stringify({ _type: 'https://in-toto.io/Statement/v2' }),
      /unsupported in-toto Statement type/,
    ],
    ['no subject', JSON.stringify({ _type: STATEMENT_V1, predicateType: 'x' }), /lacks subject/],
    [
      'subject without digest',
      JSON.stringify({ _type: STATEMENT_V1, predicateType: 'x', subject: [{ name: 'n' }] }),
      /subject\[0\] has no digest/,
    ],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseStatement(Buffer.from(text))).toThrow(message);
  });
});

describe('statementCoversDigest', () => {
  const s = buildCompatibilityStatement(input);
  it.each([
    [A, true],
    [`sha256:${'A'.repeat(64)}`, false], // digests are lowercase hex
    [`sha256:${'d'.repeat(64)}`, false],
    ['a'.repeat(64), false],
  ])('%s -> %s', (digest, ok) => {
    expect(statementCoversDigest(s, digest)).toBe(ok);
  });
});
