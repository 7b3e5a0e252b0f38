// Every renderer of human-readable output passes user text through the one neutraliser: a host,
// set or rule named `x\n::error::y` never starts a workflow command line. The CLI cases run the
// bundle (npm run bundle first), as users and runners run it.
import { describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderCheckMarkdown, renderCheckText, type CheckSummary } from '../../src/check/render.js';
import { mergedAnnotations } from '../../src/report/annotations.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { mergeReports } from '../../src/report/merge.js';
import type { ValidationReport } from '../../src/report/report.js';
import { runCli } from '../helpers/cli.js';

const EVIL = 'x\n::error title=INJECTED::pwned\r::warning::w';

function noCommandLines(text: string): void {
  expect(text).toContain('INJECTED');
  for (const line of text.split(/\r\n|\n|\r/)) expect(line.trimStart().startsWith('::')).toBe(false);
}

const summary: CheckSummary = {
  config: EVIL,
  baseline: { kind: 'config', source: EVIL },
  lint: {
    files: [{ file: EVIL, diagnostics: [{ severity: 'error', message: EVIL, position: { file: EVIL } }] }],
    errors: 1,
    warnings: 0,
  },
  compared: true,
  platforms: [''],
  changes: [],
  fleet: {
    hosts: [
      {
        name: EVIL,
        platforms: [''],
        before: [EVIL],
        after: [],
        admittedBefore: true,
        admittedAfter: false,
        errors: [EVIL],
      } as never,
    ],
    excluded: [EVIL],
    admitted: [],
  },
  notes: [EVIL],
};

const failed: ValidationReport = {
  compatibility: EVIL,
  compatible: false,
  host: {
    name: EVIL,
    runner: EVIL,
    hardware: {
      host: EVIL,
      cpu: { flagCount: 0 },
      memory: { hugepages: [] },
      gpus: [],
      nics: [],
      rdma: [],
      unavailable: [],
    },
  },
  results: [],
  error: { code: 2, message: EVIL },
};

describe('one neutraliser in every renderer', () => {
  it('check text and Markdown', () => {
    noCommandLines(renderCheckText(summary));
    noCommandLines(renderCheckMarkdown(summary));
  });

  it('report Markdown and annotations', () => {
    const merged = mergeReports([{ file: 'r.json', report: failed }], 'all');
    noCommandLines(renderMarkdown(merged));
    for (const a of mergedAnnotations(merged)) {
      noCommandLines(a.message);
    }
  });
});

describe('the CLI', () => {
  it('lint text output of a config key with ::error is neutralised; exit 2, no stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ic-inject-'));
    try {
      const file = path.join(dir, 'c.yaml');
      fs.writeFileSync(
        file,
        'version: 1\ncompatibilities:\n  - name: a\n    require:\n      gpu: { "vendr\\n::error title=INJECTED::pwned": nvidia }\n',
      );
      const r = await runCli(['lint', file]);
      expect(r.code).toBe(2);
      noCommandLines(r.stdout + r.stderr);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      ['validate', '--spec', '/dev/zero', '--features', 'examples/hosts/ci-vm.json'],
      /\/dev\/zero:1:1: a NUL byte/,
    ],
    [
      [
        'validate',
        '--spec',
        'test/fixtures/spec/valid.yaml',
        '--features',
        'examples/hosts/ci-vm.json',
        '--report',
        '/dev/full',
      ],
      /\/dev\/full: cannot write --report: no space left on device \(ENOSPC\)/,
    ],
    [
      ['discover', '--image', 'localhost:1/x:1', '--timeout', '99999999999'],
      /--timeout must be a whole number from 1 to 86400/,
    ],
    [
      ['generate', '--config', 'examples/config/image-compat.yaml', '--out-dir', '/dev/null'],
      /\/dev\/null: cannot create the folder for --out-dir/,
    ],
  ])('%j: exit 2 with the path, no stack trace', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
