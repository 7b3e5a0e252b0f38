// An image compatibility spec as one NFD NodeFeatureRule that labels each node where a set
// matches, `<prefix>/<image>.<set>: "true"`, in NFD's idioms: per spec rule, one NFD rule that
// sets a var when the rule matches; per set, a final rule on `rule.matched` that sets the label.
// nfd-master runs rules with failFast=true, validate-node with false; the one place the verdicts
// could part is vars: validate-node inserts a rule's vars whenever its matchFeatures matches
// (also when its matchAny fails, or when it has no matchFeatures at all), nfd-master only when the
// whole rule matches. A rule with matchAny and vars therefore gets a second NFD rule, its
// matchFeatures alone with its vars and varsTemplate, so later rules see validate-node's vars.
import { InputError } from '../errors.js';
import { selectSets } from '../match/index.js';
import { setting } from '../settings.js';
import type { Compatibility, FeatureMatcherTerm, Rule, Spec } from '../spec/types.js';
import { checkLabelPrefix, DEFAULT_LABEL_PREFIX, isLabelName, labelName, objectName } from './label-names.js';
import { RULE_MATCHED, translateTerm, type TermContext } from './translate.js';
import { NFD_API_VERSION, type NodeFeatureRule, type NodeFeatureRuleRule } from './types.js';

export interface NodeFeatureRuleOptions {
  /** The image's name in labels and in the object's name (`app` of ghcr.io/acme/app). */
  name: string;
  /** The label prefix (a DNS subdomain); default image-compat.dev. */
  labelPrefix?: string;
  /** Only the sets with these tags, as `validate --tags`. */
  tags?: string[];
}

export interface GeneratedSet {
  /** 0-based index in spec.compatibilities. */
  index: number;
  tag?: string;
  /** The label key the set's final rule sets to "true". */
  label: string;
}

export interface GeneratedNodeFeatureRule {
  object: NodeFeatureRule;
  sets: GeneratedSet[];
  /** Our own features (gpu.*, rdma.*) the rules read from NFD's local source, sorted. */
  localFeatures: string[];
}

function setName(set: Compatibility, index: number): string {
  return set.tag ?? `set${index + 1}`;
}

/** Label keys per set; names that collide after the rewrite are told apart by their index. */
function setLabels(prefix: string, image: string, sets: Array<{ set: Compatibility; index: number }>) {
  const first = sets.map(({ set, index }) => labelName(`${image}.${setName(set, index)}`));
  return sets.map(({ set, index }, i) => {
    const dup = first.filter((l) => l === first[i]).length > 1;
    const name = dup ? labelName(`${image}.${setName(set, index)}#${index + 1}`, 62) : first[i]!;
    return `${prefix}/${name}`;
  });
}

function where(set: Compatibility, index: number, rule: Rule): string {
  const label = set.tag ? `#${index + 1} (tag ${JSON.stringify(set.tag)})` : `#${index + 1}`;
  return `compatibility set ${label}, rule ${JSON.stringify(rule.name)}`;
}

export function generateNodeFeatureRule(spec: Spec, opts: NodeFeatureRuleOptions): GeneratedNodeFeatureRule {
  const prefix = opts.labelPrefix ?? DEFAULT_LABEL_PREFIX;
  checkLabelPrefix(prefix, setting('label-prefix'));
  if (!opts.name) throw new InputError(`${setting('name')} is empty: the image's name is needed for labels`);
  const image = isLabelName(opts.name) ? opts.name : labelName(opts.name, 40);
  const reserved = `${prefix}/`;
  const selected = selectSets(spec, opts.tags);
  if (!selected.length) throw new InputError(`no compatibility set selected (tags ${opts.tags?.join(',')})`);
  const labels = setLabels(prefix, image, selected);
  const rules: NodeFeatureRuleRule[] = [];
  let first = true;
  const local = new Set<string>();
  selected.forEach(({ set, index }, s) => {
    const matchKeys: string[] = [];
    set.rules.forEach((rule, r) => {
      const base = `${image}.s${index + 1}.r${r + 1}`;
      const matchKey = `${reserved}${base}`;
      for (const key of Object.keys(rule.vars ?? {})) {
        if (key.startsWith(reserved)) {
          throw new InputError(
            `${where(set, index, rule)}: var ${key} is in ${reserved}, reserved for the generated rules`,
          );
        }
      }
      let helpers = 0;
      const ctx: TermContext = {
        where: where(set, index, rule),
        reserved,
        first,
        templated: Boolean(rule.varsTemplate),
        helper: () => {
          helpers += 1;
          return { name: `${base}.t${helpers} ${rule.name}`, key: `${matchKey}.t${helpers}` };
        },
        helpers: [],
        local,
      };
      const terms = (ts: FeatureMatcherTerm[] | undefined) => ts?.map((t) => translateTerm(t, ctx));
      const matchFeatures = rule.matchFeatures?.length ? terms(rule.matchFeatures) : undefined;
      const matchAny = rule.matchAny?.length
        ? rule.matchAny.map((e) => ({ matchFeatures: terms(e.matchFeatures) ?? [] }))
        : undefined;
      rules.push(...ctx.helpers);
      const template = rule.varsTemplate ? { varsTemplate: rule.varsTemplate } : {};
      rules.push({
        name: `${base} ${rule.name}`,
        ...(matchFeatures && { matchFeatures }),
        ...(matchAny && { matchAny }),
        vars: { ...(rule.vars ?? {}), [matchKey]: 'true' },
        ...template,
      });
      // validate-node's vars of a rule whose matchAny fails: those of matchFeatures alone.
      const hasVars = Object.keys(rule.vars ?? {}).length > 0;
      if (matchAny && (hasVars || (matchFeatures && rule.varsTemplate))) {
        rules.push({
          name: `${base}.vars ${rule.name}`,
          ...(matchFeatures && { matchFeatures }),
          ...(hasVars && { vars: { ...rule.vars } }),
          ...(matchFeatures && template),
        });
      }
      matchKeys.push(matchKey);
      first = false;
    });
    const expressions = Object.fromEntries(matchKeys.map((k) => [k, { op: 'In' as const, value: ['true'] }]));
    rules.push({
      name: `${image}.s${index + 1} ${labels[s]}`,
      ...(matchKeys.length && { matchFeatures: [{ feature: RULE_MATCHED, matchExpressions: expressions }] }),
      labels: { [labels[s]!]: 'true' },
    });
  });
  return {
    object: {
      apiVersion: NFD_API_VERSION,
      kind: 'NodeFeatureRule',
      metadata: { name: objectName(`image-compat-${image}`) },
      spec: { rules },
    },
    localFeatures: [...local].sort(),
    sets: selected.map(({ set, index }, s) => ({
      index,
      ...(set.tag !== undefined && { tag: set.tag }),
      label: labels[s]!,
    })),
  };
}
