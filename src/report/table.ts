// Table output of `validate`: for one host, NFD's per-set, per-rule tables with a column saying
// what the host has ("expected >= 535, host has 470.82") and a verdict; for several nodes, one
// line per node and how many nodes can run the image.
import type { HostVerdict, SelectedSet, ValidateResult } from '../commands/validate.js';
import type { MatchedExpression, ProcessedRule } from '../match/types.js';
import type { MatchExpression } from '../spec/types.js';
import { renderBox } from './box.js';
import type { HostValuesOptions } from './host-values.js';
import {
  describeUnreadable,
  unreadableOf,
  unreadableText,
  unreadableUsed,
  type UnreadableSource,
} from './report.js';
import { makeStyle, type Style } from './style.js';
import { neutraliseText } from '../io/workflow-command.js';

/** Host values a table cell shows (then `(+N more)`), unless all were asked for. */
const MAX_VALUES = 4;

export interface TableOptions extends HostValuesOptions {
  color: boolean;
}

/** NFD's MatchExpression.String(). */
export function expressionText(e: MatchExpression): string {
  const value = e.value?.length ? `, value: [${e.value.map((v) => JSON.stringify(v)).join(' ')}]` : '';
  const type = e.type ? `, type: ${JSON.stringify(e.type)}` : '';
  return `{op: ${JSON.stringify(e.op)}${value}${type}}`;
}

/** What the expression asks for, in words: ">= 535", "one of 10de, 1002", "present". */
export function expectation(e: MatchExpression): string {
  const v = e.value ?? [];
  const list = v.join(', ');
  switch (e.op) {
    case 'In':
      return v.length === 1 ? v[0]! : `one of ${list}`;
    case 'NotIn':
      return `none of ${list}`;
    case 'InRegexp':
      return v.length === 1 ? `matching /${v[0]}/` : `matching one of ${v.map((p) => `/${p}/`).join(', ')}`;
    case 'Exists':
      return 'present';
    case 'DoesNotExist':
      return 'absent';
    case 'Gt':
      return `> ${v[0]}`;
    case 'Ge':
      return `>= ${v[0]}`;
    case 'Lt':
      return `< ${v[0]}`;
    case 'Le':
      return `<= ${v[0]}`;
    case 'GtLt':
      return `> ${v[0]} and < ${v[1]}`;
    case 'GeLe':
      return `>= ${v[0]} and <= ${v[1]}`;
    case 'IsTrue':
      return 'true';
    case 'IsFalse':
      return 'false';
  }
  return e.op;
}

function hostHas(values: readonly string[], unreadable: UnreadableSource | undefined, all: boolean): string {
  if (values.length === 0 && unreadable) return unreadableText(unreadable);
  if (values.length === 0) return 'host has none';
  const max = all ? values.length : MAX_VALUES;
  const shown = values.slice(0, max).join(', ');
  return `host has ${shown}${values.length > max ? ` (+${values.length - max} more)` : ''}`;
}

/**
 * The host column: what the host has, and for a failure what was expected. With nothing there and
 * the feature's source unreadable (`unavailable`), it says so instead of "host has none".
 */
export function hostText(
  m: MatchedExpression,
  unavailable?: readonly UnreadableSource[],
  opts: HostValuesOptions = {},
): string {
  const what =
    m.matcherType === 'matchName' ? `a name ${expectation(m.expression)}` : expectation(m.expression);
  const has = hostHas(m.hostValues, unreadableOf(m, unavailable), opts.allHostValues ?? false);
  return m.isMatch ? has : `expected ${what}, ${has}`;
}

function setHeading(set: SelectedSet, n: number, s: Style): string {
  let head = s.heading(`COMPATIBILITY SET #${n} `) + s.heading(`Weight: ${set.weight ?? 0}`);
  if (set.tag) head += s.heading(`; Tag: ${set.tag}`);
  return `${head}\nDescription: ${set.description ?? ''}\n`;
}

function ruleTable(
  rule: ProcessedRule,
  s: Style,
  unavailable: readonly UnreadableSource[],
  opts: HostValuesOptions,
): string {
  const status = rule.isMatch ? s.ok('OK') : s.fail('FAIL');
  const rows = (list: readonly MatchedExpression[] | null | undefined) =>
    (list ?? []).map((m) => [
      m.name ? `${m.feature}.${m.name}` : m.feature,
      expressionText(m.expression),
      m.matcherType,
      m.isMatch ? s.ok('OK') : s.fail('FAIL'),
      hostText(m, unavailable, opts),
    ]);
  const groups = [
    rows(rule.matchedExpressions),
    ...(rule.matchedAny ?? []).map((a) => rows(a.matchedExpressions)),
  ].filter((g) => g.length > 0);
  let n = 0;
  const numbered = groups.map((g) => g.map((r) => [String(++n), ...r]));
  return renderBox({
    title: `RULE: ${rule.name.toUpperCase()} - ${status}`,
    header: ['', 'Feature', 'Expression', 'Matcher Type', 'Status', 'Host'],
    groups: numbered.length ? numbered : [[]],
  });
}

/** One host: every selected set with its rule tables, then the verdict. */
export function renderHostTable(result: ValidateResult, host: HostVerdict, opts: TableOptions): string {
  const s = makeStyle(opts.color);
  const out: string[] = [];
  result.sets.forEach((set, i) => {
    const r = host.results[i]!;
    out.push(
      setHeading(set, set.index + 1, s) +
        r.rules.map((rule) => ruleTable(rule, s, host.unavailable, opts)).join(''),
    );
  });
  const label = host.node ? `${host.node}: ` : '';
  const sets = host.matchingSets.map((i) => setName(result.sets[i]!)).join(', ');
  out.push(
    host.refusal !== undefined
      ? `${label}${s.fail('INCOMPATIBLE')}: ${host.refusal}\n`
      : host.compatible
        ? `${label}${s.ok('COMPATIBLE')}: ${sets} ${host.matchingSets.length > 1 ? 'match' : 'matches'}\n`
        : `${label}${s.fail('INCOMPATIBLE')}: no compatibility set has all its rules matching\n`,
  );
  const unreadable = unreadableUsed(host.results, host.unavailable);
  if (unreadable.length) {
    out.push(
      `${label}failed expressions could not be checked, their source could not be read: ${describeUnreadable(unreadable)}; the host may have what they ask for\n`,
    );
  }
  return out.join('\n');
}

function setName(set: SelectedSet): string {
  return set.tag ? `#${set.index + 1} (${set.tag})` : `#${set.index + 1}`;
}

/** Why a node cannot run the image: the first failing expression of each selected set. */
function whyNot(result: ValidateResult, host: HostVerdict, opts: HostValuesOptions): string {
  if (host.refusal !== undefined) return host.refusal;
  return host.results
    .map((r, i) => {
      const rule = r.rules.find((x) => !x.isMatch);
      if (!rule) return undefined;
      const all = [
        ...(rule.matchedExpressions ?? []),
        ...(rule.matchedAny ?? []).flatMap((a) => a.matchedExpressions ?? []),
      ];
      const m = all.find((x) => !x.isMatch);
      const detail = m
        ? `: ${m.name ? `${m.feature}.${m.name}` : m.feature} ${hostText(m, host.unavailable, opts)}`
        : '';
      return `${setName(result.sets[i]!)} rule "${rule.name}"${detail}`;
    })
    .filter((x) => x !== undefined)
    .join('; ');
}

/** Several nodes: one line each, and how many can run the image. */
export function renderNodesTable(result: ValidateResult, opts: TableOptions): string {
  const s = makeStyle(opts.color);
  const rows = result.hosts.map((h) => [
    h.node || '(host)',
    h.compatible ? s.ok('compatible') : s.fail('incompatible'),
    h.matchingSets.map((i) => setName(result.sets[i]!)).join(', ') || '-',
    h.compatible ? '' : whyNot(result, h, opts),
  ]);
  const table = renderBox({ header: ['Node', 'Verdict', 'Matching sets', 'Why not'], groups: [rows] });
  const n = result.compatibleCount;
  const total = result.hosts.length;
  const summary = `${n} of ${total} ${total === 1 ? 'node' : 'nodes'} can run the image`;
  const unreadable = result.hosts.flatMap((h) => {
    const used = unreadableUsed(h.results, h.unavailable);
    return used.length ? [`${h.node || '(host)'}: could not read ${describeUnreadable(used)}\n`] : [];
  });
  const note = unreadable.length
    ? `failed expressions could not be checked on ${unreadable.length} ${unreadable.length === 1 ? 'node' : 'nodes'}, their source could not be read:\n${unreadable.join('')}`
    : '';
  return `${table}${n === total ? s.ok(summary) : s.fail(summary)}\n${note}`;
}

export function renderValidateTable(result: ValidateResult, opts: TableOptions): string {
  // Host and spec values are data: none of them may start a workflow command in a runner's log.
  return neutraliseText(
    result.hosts.length === 1
      ? renderHostTable(result, result.hosts[0]!, opts)
      : renderNodesTable(result, opts),
  );
}
