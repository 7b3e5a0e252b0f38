// varsTemplate: NFD v0.19.0's template tests (pkg/apis/nfd/template/template_test.go, named by
// file and line) and our own cases for the Go text/template subset (src/match/template), each
// with the output Go's text/template gives. TestParse_LargeInputExitsQuickly re-executes Go's own
// parser on a huge input to time it; it tests Go, not NFD's verdicts, and is not translated.
import { describe, expect, it } from '@jest/globals';
import {
  checkTemplate,
  expandVarsTemplate,
  MAX_TEMPLATE_BYTES,
  TemplateError,
} from '../../src/match/template/index.js';
import type { MatchedElement, MatchedFeatures } from '../../src/match/terms.js';

const data: MatchedFeatures = new Map<string, Map<string, MatchedElement[]>>([
  [
    'cpu',
    new Map([
      ['cpuid', [{ Name: 'AVX2' }, { Name: 'AVX512F' }]],
      ['model', [{ Name: 'vendor_id', Value: 'Intel' }]],
    ]),
  ],
  [
    'pci',
    new Map([
      [
        'device',
        [
          { vendor: '10de', device: '2330' },
          { vendor: '15b3', device: '101d' },
        ],
      ],
    ]),
  ],
]);

describe('template_test.go', () => {
  it('template_test.go:44 TestNewHelper_RejectsOverBoundary', () => {
    expect(() => checkTemplate('a'.repeat(MAX_TEMPLATE_BYTES + 1))).toThrow(
      'template exceeds maximum allowed size',
    );
  });
  it('template_test.go:51 TestNewHelper_AcceptsBoundary', () => {
    expect(() => checkTemplate('a'.repeat(MAX_TEMPLATE_BYTES))).not.toThrow();
  });
  it('template_test.go:58 TestNewHelper_RejectsLargeInput', () => {
    expect(() => checkTemplate('{{if 1}}'.repeat(600_000))).toThrow('template exceeds maximum allowed size');
  });
  it.each(['{{env "PATH"}}', '{{expandenv "$PATH"}}', '{{getHostByName "localhost"}}'])(
    'template_test.go:88 TestNewHelper_DropsHostEnvFuncs %s',
    (t) => expect(() => checkTemplate(t)).toThrow('not defined'),
  );
  it.each(['{{upper "x"}}', '{{add 1 2}}', '{{trim " x "}}'])(
    'template_test.go:101 TestNewHelper_KeepsUsefulSprigFuncs %s',
    (t) => expect(() => checkTemplate(t)).not.toThrow(),
  );
});

// [template, the vars it expands to]
const EXPANSIONS: Array<[string, Record<string, string>]> = [
  ['{{range .cpu.cpuid}}has-{{.Name}}=true\n{{end}}', { 'has-AVX2': 'true', 'has-AVX512F': 'true' }],
  [
    '{{range $i, $e := .pci.device}}gpu{{$i}}={{$e.vendor}}:{{index $e "device"}}\n{{end}}',
    { gpu0: '10de:2330', gpu1: '15b3:101d' },
  ],
  ['{{with index .cpu.model 0}}vendor={{.Value | lower}}{{end}}', { vendor: 'intel' }],
  ['{{if gt (len .cpu.cpuid) 1}}many=yes{{else}}many=no{{end}}', { many: 'yes' }],
  ['{{if eq 1 2}}a=1{{else if eq 2 2}}a=2{{else}}a=3{{end}}', { a: '2' }],
  ['{{- /* a comment */ -}}\n  k={{ "v" }}  \n', { k: 'v' }],
  ['{{$n := 0}}{{range .cpu.cpuid}}{{$n = add $n 1}}{{end}}count={{$n}}', { count: '2' }],
  [
    '{{range .cpu.cpuid}}{{if eq .Name "AVX2"}}{{continue}}{{end}}x={{.Name}}{{break}}{{end}}',
    { x: 'AVX512F' },
  ],
  ['{{range list}}a=b{{else}}none=empty{{end}}', { none: 'empty' }],
  ['k={{printf "%s-%d" "a" 7}}', { k: 'a-7' }],
  ['a= spaced = value ', { a: ' spaced = value' }],
  ['k={{ "x" | upper | printf "%s!" }}', { k: 'X!' }],
  ['k={{ default "none" "" }} j={{ "a,b" | splitList "," | join "+" }}', { k: 'none j=a+b' }],
  ['k={{ regexReplaceAll "[0-9]+" "a1b22" "#" }}', { k: 'a#b#' }],
  ['k={{ and 1 0 }}{{ or 0 "" "z" }}{{ not false }}', { k: '0ztrue' }],
  ['k={{ 1.5 }} {{ true }} {{ nil }}', { k: '1.5 true <no value>' }],
];

describe('the Go text/template subset', () => {
  it.each(EXPANSIONS)('%j', (template, vars) => {
    expect(expandVarsTemplate(template, data)).toEqual(vars);
  });

  it('prints a map as fmt does: map[key:value] in key order', () => {
    expect(expandVarsTemplate('k={{ index .pci.device 1 }}', data)).toEqual({
      k: 'map[device:101d vendor:15b3]',
    });
    expect(expandVarsTemplate('k={{ .cpu.cpuid }}', data)).toEqual({
      k: '[map[Name:AVX2] map[Name:AVX512F]]',
    });
  });

  it.each([
    ['{{ .cpu.nothing }}', 'map has no entry for key "nothing"'], // missingkey=error
    ['{{ range .cpu.cpuid }}{{ .Value }}{{ end }}', 'map has no entry for key "Value"'],
    ['{{ .nope.x }}', 'map has no entry for key "nope"'],
    ['novalue', 'missing value in expanded template line "novalue", (format must be \'<key>=<value>\')'],
    ['{{ if }}', 'missing value'],
    ['{{ end }}', 'unexpected {{end}}'],
    ['{{ range .cpu.cpuid }}', 'unexpected EOF'],
    ['{{ nosuchfunc 1 }}', 'function "nosuchfunc" not defined'],
    ['{{ define "x" }}{{ end }}', 'not supported'],
    ['{{ break }}', 'outside {{range}}'],
    ['{{ "unterminated }}', 'unclosed action'],
    ['{{ div 1 0 }}', 'integer divide by zero'],
    ['{{ 1 2 }}', "can't give argument to non-function"],
  ])('%j fails: %s', (template, message) => {
    expect(() => expandVarsTemplate(template, data)).toThrow(TemplateError);
    expect(() => expandVarsTemplate(template, data)).toThrow(message);
  });

  it('an empty template expands to nothing without parsing', () => {
    expect(expandVarsTemplate('', new Map())).toEqual({});
  });

  it('a key named __proto__ is a key like any other', () => {
    const out = expandVarsTemplate('__proto__=x', new Map());
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
  });
});
