// JSON Schema (draft-07) of the validation predicate (https://image-compat.dev/validation/v1).
// schemas/validation.v1.json is this object written out (scripts/write-schemas.mjs); a test keeps
// the two equal. The rule results and the hardware summary are the validation report's
// definitions (one definition each). Unknown fields are allowed: a newer writer's record still reads.
import { Ajv, type ValidateFunction } from 'ajv';
import { validationReportSchema } from '../report/schema.js';

const digest = { type: 'string', pattern: '^sha256:[a-f0-9]{64}$' } as const;

export const validationPredicateSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://image-compat.dev/validation/v1',
  title: 'image-compat validation record (in-toto predicate)',
  description:
    'The predicate of an in-toto Statement whose subject is the validated image manifest: the compatibility artifact evaluated, each set verdict with its rules and host values, the host (a fingerprint and its NodeFeature scrubbed of identifying data), the tool, the runner, the run and the time.',
  type: 'object',
  required: ['image', 'artifact', 'compatible', 'sets', 'host', 'tool', 'time'],
  properties: {
    image: {
      type: 'object',
      required: ['name', 'digest'],
      properties: {
        name: { type: 'string' },
        digest,
        platform: { type: 'string' },
        index: digest,
      },
    },
    artifact: { type: 'object', required: ['digest'], properties: { digest } },
    compatible: { type: 'boolean' },
    refusal: { type: 'string' },
    sets: {
      type: 'array',
      items: {
        type: 'object',
        required: ['index', 'compatible', 'result'],
        properties: {
          index: { type: 'integer', minimum: 0 },
          tag: { type: 'string' },
          description: { type: 'string' },
          compatible: { type: 'boolean' },
          result: { $ref: '#/definitions/setResult' },
        },
      },
    },
    host: {
      type: 'object',
      required: ['hardware', 'nodeFeature'],
      properties: {
        hardware: { $ref: '#/definitions/hardware' },
        machineId: digest,
        hostname: { type: 'string' },
        nodeFeature: {
          type: 'object',
          required: ['apiVersion', 'kind', 'metadata', 'spec'],
          properties: {
            apiVersion: { const: 'nfd.k8s-sigs.io/v1alpha1' },
            kind: { const: 'NodeFeature' },
            metadata: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
            spec: {
              type: 'object',
              required: ['features'],
              properties: {
                features: {
                  type: 'object',
                  properties: {
                    flags: { type: 'object' },
                    attributes: { type: 'object' },
                    instances: { type: 'object' },
                  },
                },
              },
            },
          },
        },
      },
    },
    tool: {
      type: 'object',
      required: ['name', 'version'],
      properties: { name: { type: 'string' }, version: { type: 'string' } },
    },
    runner: {
      type: 'object',
      properties: { name: { type: 'string' }, labels: { type: 'array', items: { type: 'string' } } },
    },
    matrixId: { type: 'string' },
    run: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } },
    time: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$',
    },
  },
  definitions: validationReportSchema.definitions,
} as const;

let validator: ValidateFunction | undefined;

/** Why the predicate does not fit the schema (the first few errors), or undefined when it does. */
export function predicateProblems(predicate: unknown): string | undefined {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(validationPredicateSchema);
  if (validator(predicate)) return undefined;
  return (validator.errors ?? [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`)
    .join('; ');
}
