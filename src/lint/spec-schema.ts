// Structural schema of an NFD v1alpha1 spec for lint, built from the rule definitions the config
// schema already has (strict: unknown fields are errors, a deliberate divergence from NFD's lenient
// decoding that turns a silent typo such as `matchExpresions` into an error).
import { Ajv, type ValidateFunction } from 'ajv';
import { configSchema } from '../config/schema.js';

export const specSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'compatibilities'],
  properties: {
    version: { const: 'v1alpha1' },
    compatibilities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rules'],
        properties: {
          description: { type: 'string' },
          tag: { type: 'string' },
          weight: { type: 'integer' },
          rules: { type: 'array', items: { $ref: '#/definitions/rule' } },
        },
      },
    },
  },
  definitions: {
    rule: configSchema.definitions.rule,
    term: configSchema.definitions.term,
    matchExpression: configSchema.definitions.matchExpression,
  },
};

let validator: ValidateFunction | undefined;
export function specValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(specSchema);
  return validator;
}
