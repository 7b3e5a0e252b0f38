// Writes a spec as YAML: stable key order (version; per set description, tag, weight, rules),
// expressions on one line (`vfio_pci: {op: Exists}`), and every string double-quoted where NFD's
// YAML 1.1 reader would take it for something else (`y`, `on`, `1.10`, `0x10`, `2024-01-02`), so
// what we publish means the same to NFD as to us. The one writer for `generate` and the spec checks.
import { Document, isPair, isScalar, isSeq, Scalar, visit } from 'yaml';
import type { Compatibility, FeatureMatcherTerm, MatchExpression, Rule, Spec } from './types.js';
import { yaml11Special } from './yaml11.js';

function expression(e: MatchExpression): MatchExpression {
  // A missing op is NFD's MatchAny, the empty op.
  const out: MatchExpression = { op: e.op ?? '' };
  if (e.value !== undefined) out.value = e.value.map(String);
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
  if (r.vars) out.vars = { ...r.vars };
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

/** The spec in a canonical shape (only known fields, in the stable order, value items as strings). */
export function canonicalSpec(spec: Spec): Spec {
  return { version: spec.version, compatibilities: spec.compatibilities.map(compatibility) };
}

/** The spec as YAML; deterministic: the same spec gives the same bytes. */
export function serializeSpec(spec: Spec): string {
  // The YAML 1.1 schema already quotes most strings a 1.1 reader would misread; yaml11Special adds
  // what go-yaml reads beyond it (`0o10`, `0X1F`, `08`).
  const doc = new Document(canonicalSpec(spec), { version: '1.1', aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === 'string' && yaml11Special(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
    Map(_, node) {
      if (node.items.some((p) => isPair(p) && isScalar(p.key) && p.key.value === 'op')) node.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'value' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true });
}
