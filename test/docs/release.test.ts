// Release hygiene a team checks before adopting an action: the licence (Apache-2.0, as package.json
// says), the third-party notices of the bundles (dist/licenses.txt, written by `npm run bundle`),
// dependabot for npm and the workflows' actions, CodeQL, the release procedure, and the examples
// pinned to a release tag's SHA (or the documented placeholder before the first release).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
// @ts-expect-error a plain ES module script without types
import { pin, PLACEHOLDER_SHA } from '../../scripts/pin-examples.mjs';

const read = (file: string) => readFileSync(file, 'utf8');

describe('release hygiene', () => {
  it('LICENSE is the Apache License 2.0 package.json names', () => {
    expect(JSON.parse(read('package.json')).license).toBe('Apache-2.0');
    expect(read('LICENSE')).toMatch(/Apache License\s+Version 2\.0, January 2004/);
    expect(read('LICENSE')).toContain('TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION');
  });

  it('dist/licenses.txt names every bundled package with its version, licence and text', () => {
    const notices = read('dist/licenses.txt');
    const ids = [...notices.matchAll(/^={78}\n(\S+)\nLicense: (\S+)\n/gm)].map((m) => [m[1], m[2]]);
    expect(ids.length).toBeGreaterThan(20);
    expect(notices).toMatch(new RegExp(`^${ids.length} packages\\.$`, 'm'));
    const names = ids.map(([id]) => id!.replace(/@[^@]+$/, ''));
    for (const bundled of [
      '@actions/core',
      '@sigstore/sign',
      '@sigstore/verify',
      'yaml',
      'commander',
      'ajv',
      'undici',
    ])
      expect(names).toContain(bundled);
    // Every dependency named in package.json that the bundles import is listed with its version.
    const lock = JSON.parse(read('package-lock.json')) as { packages: Record<string, { version: string }> };
    for (const [id] of ids.filter(([id]) => id!.startsWith('@actions/core@')))
      expect(id).toBe(`@actions/core@${lock.packages['node_modules/@actions/core']!.version}`);
    expect(notices).toContain('Permission is hereby granted, free of charge');
    expect(notices).not.toMatch(/^License: UNKNOWN$/m);
  });

  it('dependabot updates npm packages and the workflows’ actions', () => {
    const config = parse(read('.github/dependabot.yml')) as {
      updates: Array<{ 'package-ecosystem': string }>;
    };
    expect(config.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });

  it('a CodeQL workflow scans the TypeScript, its actions pinned by SHA', () => {
    const text = read('.github/workflows/codeql.yml');
    expect(text).toMatch(/languages: javascript-typescript/);
    expect(text).toMatch(/github\/codeql-action\/init@[0-9a-f]{40} # v\d/);
    expect(text).toMatch(/security-events: write/);
  });

  it('RELEASE.md describes semver tags, the moving major tag and pinning by SHA', () => {
    const text = read('RELEASE.md');
    expect(text).toMatch(/vMAJOR\.MINOR\.PATCH/);
    expect(text).toMatch(/moving tag/);
    expect(text).toContain(PLACEHOLDER_SHA);
    expect(text).toContain('scripts/pin-examples.mjs');
  });
});

describe('examples pinned to a release', () => {
  const files = readdirSync('examples/workflows').map((f) => path.join('examples/workflows', f));
  const uses = files.flatMap((f) => [...read(f).matchAll(/uses:\s*([\w.-]+\/image-compat\S*)(.*)$/gm)]);

  it('pin the image-compat actions by a 40-hex SHA with a semver tag comment', () => {
    expect(uses.length).toBeGreaterThan(0);
    for (const m of uses) {
      expect(m[1]).toMatch(/@[0-9a-f]{40}$/);
      expect(m[2]).toMatch(/^ # v\d+\.\d+\.\d+$/);
    }
  });

  it('pin-examples writes the tag’s SHA and the tag over the placeholder', () => {
    const sha = 'a'.repeat(40);
    const before = `      - uses: OWNER/image-compat/check@${PLACEHOLDER_SHA} # v0.1.0\n      - uses: actions/checkout@${'b'.repeat(40)} # v5.0.0\n`;
    expect(pin(before, sha, 'v0.2.0')).toBe(
      `      - uses: OWNER/image-compat/check@${sha} # v0.2.0\n      - uses: actions/checkout@${'b'.repeat(40)} # v5.0.0\n`,
    );
  });
});
