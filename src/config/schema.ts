// The config's JSON Schema, for our validation (with positions and did-you-mean hints) and for
// editors (`# yaml-language-server: $schema=...`). schemas/image-compat-config.schema.json is this
// object written out by scripts/write-schemas.mjs; a test keeps the two identical.
import { Ajv, type ValidateFunction } from 'ajv';
import { specSchema } from '../spec/schema.js';
import { CPU_LEVELS } from './vocabulary.js';

const stringList = {
  type: ['string', 'array'],
  items: { type: 'string', minLength: 1 },
  minLength: 1,
  minItems: 1,
};
const intList = {
  type: ['integer', 'array'],
  items: { type: 'integer', minimum: 0 },
  minimum: 0,
  minItems: 1,
};
const range = {
  type: ['string', 'number'],
  description: 'A semver-style range: ">=5.15 <6.9", "^535", "~1.2", "1.2 - 1.4", alternatives with "||"',
};
const count = {
  type: ['string', 'integer'],
  description: 'A count: 2, ">=8", "<=4", ">=2 <=8"',
};
const platform = {
  type: 'string',
  pattern: '^[a-z0-9]+/[a-z0-9_]+(/[a-z0-9]+)?$',
  description: 'os/arch[/variant], e.g. linux/amd64, linux/arm64/v8',
};

const osRequirement = {
  type: 'object',
  additionalProperties: false,
  properties: { id: stringList, version: range },
};

const requirements = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kernel: {
      type: 'object',
      additionalProperties: false,
      properties: {
        version: range,
        modules: stringList,
        loadedModules: stringList,
        config: {
          type: 'object',
          minProperties: 1,
          description:
            'Kernel options (CONFIG_ optional) and accepted values: y, m, [y, m], a number; n = not set',
          additionalProperties: {
            type: ['string', 'number', 'boolean', 'array'],
            items: { type: ['string', 'number'] },
            minItems: 1,
          },
        },
      },
    },
    cpu: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vendor: stringList,
        level: { enum: [...CPU_LEVELS] },
        flags: stringList,
        model: {
          type: 'object',
          minProperties: 1,
          additionalProperties: false,
          properties: { family: intList, id: intList },
        },
      },
    },
    gpu: {
      type: 'object',
      additionalProperties: false,
      properties: {
        vendor: stringList,
        count,
        driver: range,
        computeCapability: range,
        model: stringList,
        memory: { ...count, description: 'Device memory in MiB: ">=81920"' },
      },
    },
    pci: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { vendor: stringList, device: stringList, class: stringList },
      },
    },
    sriov: {
      type: 'object',
      additionalProperties: false,
      properties: { vendor: stringList, device: stringList, vfs: count, numVfs: count },
    },
    rdma: {
      type: ['boolean', 'object'],
      additionalProperties: false,
      properties: { vendor: stringList, linkLayer: { type: 'string' } },
    },
    os: {
      type: ['object', 'array'],
      additionalProperties: false,
      properties: osRequirement.properties,
      items: osRequirement,
      minItems: 1,
    },
    memory: {
      type: 'object',
      additionalProperties: false,
      properties: {
        numa: { type: 'boolean' },
        swap: { type: 'boolean' },
        hugepages1G: count,
        hugepages2M: count,
        hugepages: {
          type: 'object',
          additionalProperties: false,
          required: ['size'],
          description: 'Pages of any of these sizes: {size: [1G, 2M], count: ">=16"}',
          properties: {
            size: {
              ...stringList,
              items: { type: 'string', pattern: '^\\d+[KMGkmg]$' },
              pattern: '^\\d+[KMGkmg]$',
            },
            count,
          },
        },
      },
    },
    anyOf: {
      type: 'array',
      minItems: 2,
      description: 'Either/or: at least one of these groups of requirements (each group all required)',
      items: { $ref: '#/$defs/requirements' },
    },
  },
};

export const configSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'image-compat config',
  description: 'Declarative image compatibility requirements, compiled to NFD image compatibility specs.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'compatibilities'],
  properties: {
    version: { const: 1 },
    platforms: { type: 'array', items: platform, uniqueItems: true },
    compatibilities: { type: 'array', minItems: 1, items: { $ref: '#/$defs/compatibility' } },
  },
  $defs: {
    compatibility: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' },
        description: { type: 'string' },
        weight: { type: 'integer' },
        platforms: { type: 'array', items: platform, uniqueItems: true, minItems: 1 },
        targets: {
          description:
            'The manifests of the image index this set is for, instead of platforms: each selector names a platform (variant included, compared exactly) and/or annotations of the index descriptor (all equal); a manifest any selector matches is targeted',
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            additionalProperties: false,
            minProperties: 1,
            properties: {
              platform,
              annotations: {
                type: 'object',
                minProperties: 1,
                additionalProperties: { type: 'string' },
              },
            },
          },
        },
        runner: {
          description:
            'Where plan routes the set: a label, a list of labels, or a map from platform (os/arch[/variant]) to a label or list',
          anyOf: [
            stringList,
            {
              type: 'object',
              minProperties: 1,
              propertyNames: { pattern: platform.pattern },
              additionalProperties: stringList,
            },
          ],
        },
        require: { $ref: '#/$defs/requirements' },
        rules: { type: 'array', items: { $ref: '#/$defs/rule' } },
      },
    },
    requirements,
    // Raw rules are NFD rules: the spec's own schema definitions.
    rule: specSchema.$defs.rule,
    featureMatcher: specSchema.$defs.featureMatcher,
    term: specSchema.$defs.term,
    expression: specSchema.$defs.expression,
  },
} as const;

let validator: ValidateFunction | undefined;

/** The compiled validator (verbose, all errors: schemaDiagnostics needs parentSchema). */
export function configValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(configSchema);
  return validator;
}
