import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

export {
  VERSION
};
