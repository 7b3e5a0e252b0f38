// The spec room's public surface.
export { checkSpecDocument, parseSpec, serializeSpec } from './parse.js';
export { specSchema } from './schema.js';
export type * from './types.js';
