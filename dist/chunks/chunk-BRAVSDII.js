import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);

// src/config/types.ts
var DEFAULT_CONFIG_PATH = ".github/image-compat.yaml";

export {
  DEFAULT_CONFIG_PATH
};
