
// src/cli/definition.ts
var InvalidValueError = class extends Error {
};

export {
  InvalidValueError
};
