// The shapes of host feature snapshots as JSON Schemas: a bare Features object, a NodeFeature and
// a List of them. The validators are precompiled by ajv from these objects (standalone code in
// snapshot-schema.validate.ts, written by scripts/write-schemas.mjs; a test keeps it equal), so
// that reading a snapshot never loads ajv's compiler.
const stringMap = { type: 'object', additionalProperties: { type: 'string' } } as const;
export const featuresSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    flags: {
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          elements: { type: ['object', 'null'], additionalProperties: { type: ['object', 'null'] } },
        },
      },
    },
    attributes: {
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { elements: { ...stringMap, type: ['object', 'null'] } },
      },
    },
    instances: {
      type: ['object', 'null'],
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          elements: {
            type: ['array', 'null'],
            items: {
              type: 'object',
              additionalProperties: false,
              properties: { attributes: { ...stringMap, type: ['object', 'null'] } },
            },
          },
        },
      },
    },
  },
} as const;
export const nodeFeatureSchema = {
  type: 'object',
  required: ['kind', 'metadata'],
  properties: {
    kind: { const: 'NodeFeature' },
    metadata: {
      type: 'object',
      properties: { name: { type: 'string' }, namespace: { type: 'string' }, labels: stringMap },
    },
    spec: {
      type: 'object',
      properties: { features: featuresSchema, labels: { ...stringMap, type: ['object', 'null'] } },
    },
  },
} as const;
export const listSchema = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: nodeFeatureSchema } },
} as const;

/** The validators snapshot-schema.validate.ts exports, by name. */
export const snapshotSchemas = { features: featuresSchema, node: nodeFeatureSchema, list: listSchema };
