
// src/config/types.ts
var DEFAULT_CONFIG_PATH = ".github/image-compat.yaml";

export {
  DEFAULT_CONFIG_PATH
};
