import {
  VERSION
} from "./chunk-Q256A2XO.js";

// src/cli/version-flag.ts
function answerVersion(argv) {
  if (argv.length !== 3 || argv[2] !== "--version" && argv[2] !== "-V") return false;
  process.stdout.write(`${VERSION}
`);
  return true;
}

export {
  answerVersion
};
