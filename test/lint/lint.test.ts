// Each lint warning for rules that can never match, at its position, with its hint; config vs spec
// detection; the three output formats.
import { describe, expect, it } from '@jest/globals';
import { detectKind, lintSource } from '../../src/lint/index.js';
import { formatDiagnostics } from '../../src/lint/format.js';

/** A spec whose only rule has the given term (YAML, indented for the matchFeatures list). */
function specWith(term: string): string {
  return `version: v1alpha1
compatibilities:
  - tag: t
    rules:
      - name: r
        matchFeatures:
${term}`;
}

function lint(text: string) {
  return lintSource(text, 'spec.yaml').diagnostics.map((d) => ({
    severity: d.severity,
    at: `${d.position.line}:${d.position.column}`,
    message: d.message,
    hint: d.hint,
  }));
}

describe('lint warnings for rules that never match', () => {
  it.each<[string, string, { at: string; message: RegExp; hint?: string }]>([
    [
      'In on a flag feature',
      `          - feature: cpu.cpuid
            matchExpressions:
              AVX2: {op: In, value: ["true"]}`,
      {
        at: '9:26',
        message: /cpu\.cpuid is a flag feature: flags carry no value, so In never matches/,
        hint: 'use op: Exists',
      },
    ],
    [
      'vendor_id GenuineIntel',
      `          - feature: cpu.model
            matchExpressions:
              vendor_id: {op: In, value: [GenuineIntel]}`,
      {
        at: '9:43',
        message: /NFD reports vendor_id "Intel", never "GenuineIntel"/,
        hint: 'did you mean Intel?',
      },
    ],
    [
      'a 6-digit PCI class',
      `          - feature: pci.device
            matchExpressions:
              class: {op: In, value: ["030200"]}`,
      { at: '9:39', message: /4 hex digits: "030200" never matches/, hint: 'did you mean 0302?' },
    ],
    [
      'type: version on kernel.version full (RHEL releases are no versions to NFD)',
      `          - feature: kernel.version
            matchExpressions:
              full: {op: Ge, value: ["5.15"], type: version}`,
      {
        at: '9:53',
        message:
          /^RHEL kernels such as 4\.18\.0-553\.el8_10\.x86_64 are not versions to NFD: the evaluation fails on them$/,
        hint: 'compare kernel.version.major/minor/revision as integers instead',
      },
    ],
    [
      'a 0x PCI vendor',
      `          - feature: pci.device
            matchExpressions:
              vendor: {op: In, value: ["0x10de"]}`,
      { at: '9:40', message: /strips 0x/, hint: 'did you mean 10de?' },
    ],
    [
      'upper-case PCI ids',
      `          - feature: pci.device
            matchExpressions:
              device: {op: In, value: ["20B2"]}`,
      { at: '9:40', message: /lower case/, hint: 'did you mean 20b2?' },
    ],
    [
      'a feature no source provides',
      `          - feature: kernel.loadedmodules
            matchExpressions:
              nvidia: {op: Exists}`,
      {
        at: '7:22',
        message: /no feature source provides "kernel.loadedmodules"/,
        hint: 'did you mean kernel.loadedmodule?',
      },
    ],
    [
      'a module name with a dash in /proc/modules',
      `          - feature: kernel.loadedmodule
            matchExpressions:
              vfio-pci: {op: Exists}`,
      { at: '9:15', message: /underscores: "vfio-pci" never matches/, hint: 'did you mean vfio_pci?' },
    ],
    [
      'a module name with a dash in enabledmodule',
      `          - feature: kernel.enabledmodule
            matchExpressions:
              vfio-pci: {op: Exists}`,
      { at: '9:15', message: /matches only a builtin module/, hint: 'did you mean vfio_pci?' },
    ],
    [
      'a CONFIG_ prefix',
      `          - feature: kernel.config
            matchExpressions:
              CONFIG_VFIO_PCI: {op: In, value: ["y"]}`,
      { at: '9:15', message: /no CONFIG_ prefix/, hint: 'did you mean VFIO_PCI?' },
    ],
    [
      'a /proc/cpuinfo flag name',
      `          - feature: cpu.cpuid
            matchExpressions:
              sse4_2: {op: Exists}`,
      { at: '9:15', message: /"sse4_2" is not a CPU flag NFD reports/, hint: 'did you mean SSE42?' },
    ],
    [
      'a misspelt key',
      `          - feature: cpu.model
            matchExpressions:
              vendor: {op: In, value: [Intel]}`,
      { at: '9:15', message: /cpu\.model has no key "vendor"/, hint: 'did you mean vendor_id?' },
    ],
    [
      'an unquoted y (a boolean to YAML 1.1)',
      `          - feature: kernel.config
            matchExpressions:
              VFIO_PCI: {op: In, value: [y, m]}`,
      { at: '9:42', message: /unquoted y is read by NFD \(YAML 1\.1\) as "true"/, hint: 'quote it: "y"' },
    ],
    [
      'an unquoted number in value',
      `          - feature: system.osrelease
            matchExpressions:
              VERSION_ID: {op: In, value: [22.10]}`,
      {
        at: '9:44',
        message: /unquoted 22\.10 is read by NFD \(YAML 1\.1\) as "22\.1"/,
        hint: 'quote it: "22.10"',
      },
    ],
  ])('%s', (_, term, expected) => {
    const ds = lint(specWith(term));
    expect(ds).toHaveLength(1);
    expect(ds[0]!.severity).toBe('warning');
    expect(ds[0]!.at).toBe(expected.at);
    expect(ds[0]!.message).toMatch(expected.message);
    expect(ds[0]!.hint).toBe(expected.hint);
  });

  it('is quiet on a correct spec', () => {
    expect(
      lint(
        specWith(`          - feature: kernel.loadedmodule
            matchExpressions:
              vfio_pci: {op: Exists}
          - feature: kernel.version
            matchExpressions:
              major: {op: Gt, value: ["5"]}
          - feature: gpu.device
            matchExpressions:
              compute_capability: {op: Ge, value: ["9.0"], type: version}`),
      ),
    ).toEqual([]);
  });

  it('reports NFD errors (the spec checks) as errors', () => {
    const ds = lint(
      specWith(`          - feature: kernel.version
            matchExpressions:
              major: {op: GtLt, value: ["6"]}`),
    );
    expect(ds.map((d) => [d.severity, d.at])).toEqual([['error', '9:40']]);
  });
});

describe('configs', () => {
  it('lints raw rules in a config too, and reports config errors at their positions', () => {
    const text = `version: 1
compatibilities:
  - name: a
    require:
      cpu: {vendor: GenuineIntel, levle: x86-64-v3}
    rules:
      - name: flags
        matchFeatures:
          - feature: cpu.cpuid
            matchExpressions:
              AVX512F: {op: IsTrue}
`;
    const r = lintSource(text, 'c.yaml');
    expect(r.kind).toBe('config');
    expect(
      r.diagnostics.map((d) => [d.severity, d.position.line, d.position.column, d.message, d.hint]),
    ).toEqual([['error', 5, 35, 'unknown field "levle"', 'did you mean "level"?']]);
    const fixed = lintSource(text.replace('levle', 'level'), 'c.yaml');
    expect(fixed.diagnostics.map((d) => [d.severity, d.position.line, d.message])).toEqual([
      ['warning', 11, 'cpu.cpuid is a flag feature: flags carry no value, so IsTrue never matches'],
    ]);
  });

  it('tells configs from specs by content', () => {
    expect(detectKind({ version: 1, compatibilities: [] })).toBe('config');
    expect(detectKind({ version: 'v1alpha1', compatibilities: [] })).toBe('spec');
    expect(detectKind({ compatibilities: [{ name: 'x', require: {} }] })).toBe('config');
    expect(detectKind({ compatibilities: [{ rules: [] }] })).toBe('spec');
    expect(detectKind(['a'])).toBeUndefined();
    expect(lintSource('kind: Pod\n', 'pod.yaml').diagnostics[0]!.message).toMatch(/neither/);
  });

  it('reports unreadable YAML as one error', () => {
    const r = lintSource('version: 1\ncompatibilities: [\n', 'bad.yaml');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.severity).toBe('error');
    expect(r.diagnostics[0]!.position.file).toBe('bad.yaml');
  });
});

describe('output formats', () => {
  const diagnostics = lintSource(
    specWith(`          - feature: kernel.loadedmodule
            matchExpressions:
              vfio-pci: {op: Exists}`),
    'specs/a,b.yaml',
  ).diagnostics;

  it('text: file:line:col: severity: path: message (hint)', () => {
    expect(formatDiagnostics(diagnostics, 'text')).toBe(
      'specs/a,b.yaml:9:15: warning: compatibilities[0].rules[0].matchFeatures[0].matchExpressions.vfio-pci: /proc/modules lists module names with underscores: "vfio-pci" never matches (did you mean vfio_pci?)\n',
    );
  });

  it('github: workflow commands with escaped properties', () => {
    expect(formatDiagnostics(diagnostics, 'github')).toBe(
      '::warning file=specs/a%2Cb.yaml,line=9,col=15,title=image-compat lint%3A compatibilities[0].rules[0].matchFeatures[0].matchExpressions.vfio-pci::/proc/modules lists module names with underscores: "vfio-pci" never matches (did you mean vfio_pci?)\n',
    );
  });

  it('json: an array of diagnostics', () => {
    expect(JSON.parse(formatDiagnostics(diagnostics, 'json'))).toEqual([
      {
        file: 'specs/a,b.yaml',
        line: 9,
        column: 15,
        severity: 'warning',
        path: 'compatibilities[0].rules[0].matchFeatures[0].matchExpressions.vfio-pci',
        message: '/proc/modules lists module names with underscores: "vfio-pci" never matches',
        hint: 'did you mean vfio_pci?',
      },
    ]);
    expect(formatDiagnostics([], 'json')).toBe('[]\n');
    expect(formatDiagnostics([], 'text')).toBe('');
  });
});
