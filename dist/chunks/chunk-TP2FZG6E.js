import {
  VERSION
} from "./chunk-Q256A2XO.js";

// src/cli/version-flag.ts
var VERSION_FLAGS = /* @__PURE__ */ new Set(["-V", "--version"]);
function answerVersion(argv) {
  if (argv.length !== 3 || !VERSION_FLAGS.has(argv[2])) return false;
  process.stdout.write(`${VERSION}
`);
  return true;
}

export {
  VERSION_FLAGS,
  answerVersion
};
