
// src/cli/definition.ts
var InvalidValueError = class extends Error {
};

// src/version.ts
var VERSION = true ? "0.1.0" : "0.0.0-dev";

export {
  InvalidValueError,
  VERSION
};
