// Writes a spec as YAML with a stable key order. Strings are quoted wherever a YAML 1.1 reader
// would take them for something else: NFD decodes with a YAML 1.1 library, where `y`, `on` and
// `no` are booleans and `0300` a number, and a kernel option `VFIO_PCI: [y, m]` must stay strings.
// (Used until the spec room's serializeSpec is available; the same key order.)
import { Document, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Compatibility, FeatureMatcherTerm, MatchExpression, Rule, Spec } from '../spec/types.js';

function expression(e: MatchExpression): MatchExpression {
  const out: MatchExpression = { op: e.op };
  if (e.value !== undefined) out.value = e.value;
  if (e.type !== undefined) out.type = e.type;
  return out;
}

function term(t: FeatureMatcherTerm): FeatureMatcherTerm {
  const out: FeatureMatcherTerm = { feature: t.feature };
  if (t.matchExpressions) {
    out.matchExpressions = Object.fromEntries(
      Object.entries(t.matchExpressions).map(([k, e]) => [k, expression(e)]),
    );
  }
  if (t.matchName) out.matchName = expression(t.matchName);
  return out;
}

function rule(r: Rule): Rule {
  const out: Rule = { name: r.name };
  if (r.matchFeatures) out.matchFeatures = r.matchFeatures.map(term);
  if (r.matchAny) out.matchAny = r.matchAny.map((a) => ({ matchFeatures: a.matchFeatures.map(term) }));
  if (r.vars) out.vars = r.vars;
  if (r.varsTemplate !== undefined) out.varsTemplate = r.varsTemplate;
  return out;
}

function compatibility(c: Compatibility): Compatibility {
  const out = {} as Compatibility;
  if (c.description !== undefined) out.description = c.description;
  if (c.tag !== undefined) out.tag = c.tag;
  if (c.weight !== undefined) out.weight = c.weight;
  out.rules = c.rules.map(rule);
  return out;
}

export function specToYaml(spec: Spec): string {
  const ordered = { version: spec.version, compatibilities: spec.compatibilities.map(compatibility) };
  const doc = new Document(ordered, { version: '1.1', aliasDuplicateObjects: false });
  // Expressions read best on one line: `vfio_pci: {op: Exists}`, `full: {op: Ge, value: ["5.15"], type: version}`.
  visit(doc, {
    Map(_, node) {
      if (node.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === 'op')) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'value' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}
