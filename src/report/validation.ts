// One validation as Markdown (the validate action's job summary, `validate --output markdown`):
// the verdict, the host's hardware, then per set and rule what was expected, what the host has,
// OK/FAIL. And one error annotation per failed rule. Pure: the report comes in, text goes out;
// host values are shown as the report carries them (outputReport caps them, `(+N more)`).
import type { Annotation } from './annotations.js';
import { cpu, expected, gpu, hostHas, keyOf, list, nic, rdma, tableRow, text } from './format.js';
import { failedRule } from './merge.js';
import type { MatchedExpression, ProcessedRule, ReportedExpression, ValidationReport } from './report.js';
import {
  describeUnreadable,
  setMatched,
  setName,
  unreadableOf,
  unreadableUsed,
  unreadableText,
  type UnreadableSource,
} from './report.js';

export function renderValidationMarkdown(report: ValidationReport): string {
  const out: string[] = [];
  const verdict = report.error ? '⚠️ no verdict' : report.compatible ? '✅ compatible' : '❌ not compatible';
  out.push(`## Image compatibility: ${verdict}`, '');
  const about = [
    report.image && `Image: ${text(report.image)}`,
    report.spec && `Spec: ${text(report.spec)}`,
    report.config && `Config: ${text(report.config)}`,
    report.platform && `Platform: ${text(report.platform)}`,
    report.artifact && `Artifact: ${text(report.artifact)}`,
    report.compatibility && `Compatibility set: ${text(report.compatibility)}`,
  ].filter(Boolean);
  if (about.length) out.push(about.join('<br>'), '');
  if (report.error) out.push(`**Error:** ${text(report.error.message)}`, '');
  const unreadable = unreadableUsed(report.results, report.host.hardware.unavailable);
  if (unreadable.length) {
    out.push(
      `**Could not be checked:** the source of failed expressions could not be read on this host: ${text(describeUnreadable(unreadable))}. The host may have what they ask for; the verdict is NFD's.`,
      '',
    );
  }

  const { host } = report;
  const hw = host.hardware;
  out.push(`### Host ${text(host.name)}${host.runner ? ` (runner ${text(host.runner)})` : ''}`, '');
  out.push(tableRow(['', '']), tableRow(['---', '---']));
  out.push(tableRow(['CPU', text(cpu(hw))]), tableRow(['Kernel', text(hw.kernel ?? '—')]));
  out.push(tableRow(['OS', text(hw.os ?? '—')]), tableRow(['GPUs', list(hw.gpus.map(gpu))]));
  out.push(tableRow(['NICs', list(hw.nics.map(nic))]), tableRow(['RDMA', list(hw.rdma.map(rdma))]), '');

  report.results.forEach((set, i) => {
    const name = setName(set, i);
    const failed = set.rules.filter((r) => !r.isMatch).length;
    const state = setMatched(set)
      ? '✅ all rules matched'
      : `❌ ${failed} of ${set.rules.length} rules failed`;
    const description = set.description && set.description !== name ? ` (${text(set.description)})` : '';
    out.push(`### ${text(name)}${description}: ${state}`, '');
    out.push(
      tableRow(['Rule', 'Feature', 'Key', 'Expected', 'Host has', '']),
      tableRow(Array(6).fill('---')),
    );
    for (const rule of set.rules) out.push(...ruleRows(rule, hw.unavailable));
    out.push('');
  });
  return `${out.join('\n').trimEnd()}\n`;
}

/** What the host has; with nothing there and the source unreadable, that it could not be read. */
function hostCell(e: ReportedExpression, unavailable: readonly UnreadableSource[] | undefined): string {
  const u = unreadableOf(e, unavailable);
  return u ? unreadableText(u) : hostHas(e);
}

function ruleRows(rule: ProcessedRule, unavailable: readonly UnreadableSource[]): string[] {
  const rows: string[] = [];
  const row = (label: string, e: MatchedExpression) =>
    tableRow([
      label,
      text(e.feature),
      text(keyOf(e)),
      text(expected(e.expression)),
      text(hostCell(e, unavailable)),
      e.isMatch ? 'OK' : '**FAIL**',
    ]);
  for (const e of rule.matchedExpressions ?? []) rows.push(row(text(rule.name), e));
  for (const [i, any] of (rule.matchedAny ?? []).entries()) {
    for (const e of any.matchedExpressions ?? []) rows.push(row(`${text(rule.name)} (any of, #${i + 1})`, e));
  }
  if (rows.length === 0)
    rows.push(tableRow([text(rule.name), '—', '—', '—', '—', rule.isMatch ? 'OK' : '**FAIL**']));
  return rows;
}

/** One error per failed rule: which set, which rule, what was expected and what the host has. */
export function validationAnnotations(report: ValidationReport): Annotation[] {
  const out: Annotation[] = [];
  report.results.forEach((set, i) => {
    for (const rule of set.rules.filter((r) => !r.isMatch)) {
      const f = failedRule(rule, { unavailable: report.host.hardware.unavailable });
      const details = f.expressions.map((e) => {
        const has = e.unreadable ? unreadableText(e.unreadable) : `host has ${hostHas(e)}`;
        return `${e.feature} ${keyOf(e)}: expected ${expected(e)}, ${has}`;
      });
      out.push({
        level: 'error',
        title: `image-compat: rule "${rule.name}" failed (${setName(set, i)})`,
        message: details.length
          ? `${f.anyOf ? 'none of: ' : ''}${details.join(f.anyOf ? ' | ' : '; ')}`
          : `rule "${rule.name}" did not match`,
      });
    }
  });
  return out;
}
