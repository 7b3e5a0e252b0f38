// REFERENCE EVALUATOR (test-only oracle): a frozen copy of src/match/expression.ts as of main e8e359a, before
// the compiled evaluator. test/match/compiled-identity.test.ts compares the compiled evaluator's
// results and errors with this one's. Do not change it to follow src/match: it is the reference.
//
// One expression against one input, exactly as NFD's evaluateMatchExpression: the empty op
// (MatchAny) is always true, Exists and DoesNotExist look only at presence; every other op is
// false, without error, when the key is missing or is a flag (no value). Value-count and number errors surface only when a value is
// compared, as in NFD (the spec checks report them up front).
import { MATCH_ANY, MATCH_OPS, type MatchExpression } from '../../../src/spec/types.js';
import { compareVersions, compileRE2, parseGoIntFast, parseVersion } from '../../../src/spec/values.js';

/** An NFD evaluation error; the caller adds the set, rule, feature and key. */
export class ExpressionError extends Error {}

const KNOWN_OPS: ReadonlySet<string> = new Set([MATCH_ANY, ...MATCH_OPS]);

function describe(e: MatchExpression): string {
  return e.value?.length
    ? `{op: ${JSON.stringify(e.op)}, value: [${e.value.map((v) => JSON.stringify(v)).join(' ')}]}`
    : `{op: ${JSON.stringify(e.op)}}`;
}

/** NFD's MatchExpression.String(), used to order results. */
export const expressionString = describe;

function mustBeEmpty(e: MatchExpression): void {
  if (e.value?.length)
    throw new ExpressionError(
      `invalid expression, 'value' field must be empty for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
    );
}

function mustBeNonEmpty(e: MatchExpression): string[] {
  if (!e.value?.length)
    throw new ExpressionError(
      `invalid expression, 'value' field must be non-empty for Op ${JSON.stringify(e.op)}`,
    );
  return e.value;
}

/** How Gt..GeLe read both sides: `type: version` as versions, no type (or "") as integers. */
function comparer(e: MatchExpression): (input: string, ref: string) => number {
  const type = e.type ?? '';
  if (type === 'version') {
    return (input, ref) => {
      const l = parseVersion(input);
      if (!l) throw new ExpressionError(`not a version ${JSON.stringify(input)}`);
      const r = parseVersion(ref);
      if (!r) throw new ExpressionError(`not a version ${JSON.stringify(ref)} in ${describe(e)}`);
      return compareVersions(l, r);
    };
  }
  if (type !== '') {
    throw new ExpressionError(
      `invalid expression, 'type' field only accepts "version" value for Op ${JSON.stringify(e.op)} (have ${JSON.stringify(type)})`,
    );
  }
  return (input, ref) => {
    const l = parseGoIntFast(input);
    if (l === undefined) throw new ExpressionError(`not a number ${JSON.stringify(input)}`);
    const r = parseGoIntFast(ref);
    if (r === undefined) throw new ExpressionError(`not a number ${JSON.stringify(ref)} in ${describe(e)}`);
    return l < r ? -1 : l > r ? 1 : 0;
  };
}

/**
 * `valid`: the key exists. `value`: its string value, undefined for a flag (or a missing key).
 * Throws ExpressionError where NFD returns an error.
 */
export function evaluateExpression(e: MatchExpression, valid: boolean, value: string | undefined): boolean {
  if (!KNOWN_OPS.has(e.op)) throw new ExpressionError(`invalid Op ${JSON.stringify(e.op)}`);
  switch (e.op) {
    case MATCH_ANY:
      mustBeEmpty(e);
      return true;
    case 'Exists':
      mustBeEmpty(e);
      return valid;
    case 'DoesNotExist':
      mustBeEmpty(e);
      return !valid;
  }
  if (!valid || value === undefined) return false;
  switch (e.op) {
    case 'In':
      return mustBeNonEmpty(e).includes(value);
    case 'NotIn':
      return !mustBeNonEmpty(e).includes(value);
    case 'InRegexp': {
      const res = mustBeNonEmpty(e).map((p) => {
        try {
          return compileRE2(p);
        } catch {
          throw new ExpressionError(
            `invalid expression, 'value' field must only contain valid regexps for Op "InRegexp" (have ${describe(e)})`,
          );
        }
      });
      return res.some((re) => re.test(value));
    }
    case 'Gt':
    case 'Ge':
    case 'Lt':
    case 'Le': {
      if (e.value?.length !== 1)
        throw new ExpressionError(
          `invalid expression, 'value' field must contain exactly one element for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
        );
      const c = comparer(e)(value, e.value[0]!);
      return e.op === 'Gt' ? c > 0 : e.op === 'Ge' ? c >= 0 : e.op === 'Lt' ? c < 0 : c <= 0;
    }
    case 'GtLt':
    case 'GeLe': {
      if (e.value?.length !== 2)
        throw new ExpressionError(
          `invalid expression, 'value' field must contain exactly two elements for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
        );
      const cmp = comparer(e);
      const lo = cmp(value, e.value[0]!);
      const hi = cmp(value, e.value[1]!);
      // value[0] < value[1] is checked after both parse, as NFD does, and only for integers:
      // NFD has no such check for versions (a reversed version range is simply never true).
      if ((e.type ?? '') === '' && cmp(e.value[0]!, e.value[1]!) >= 0) {
        throw new ExpressionError(
          `invalid expression, value[0] must be less than Value[1] for Op ${JSON.stringify(e.op)} (have ${describe(e)})`,
        );
      }
      return e.op === 'GtLt' ? lo > 0 && hi < 0 : lo >= 0 && hi <= 0;
    }
    case 'IsTrue':
      mustBeEmpty(e);
      return value === 'true';
    case 'IsFalse':
      mustBeEmpty(e);
      return value === 'false';
  }
  throw new ExpressionError(`unsupported Op ${JSON.stringify(e.op)}`);
}
