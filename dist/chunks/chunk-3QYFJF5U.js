import {
  inWords
} from "./chunk-U6BYPZCD.js";

// src/cli/words.ts
var FLAGS = {
  password: "--password-stdin (or IMAGE_COMPAT_PASSWORD)",
  "github-token": "GITHUB_TOKEN",
  "signing-key": "--key",
  "signing-key-env": "--key-env",
  "public-key": "--key",
  // The sources of a spec, as the help writes them: "give exactly one of --spec FILE, ...".
  spec: "--spec FILE",
  config: "--config FILE",
  image: "--image REF"
};
function cliWord(name) {
  return FLAGS[name] ?? `--${name}`;
}
function inCliWords(message) {
  return inWords(message, cliWord);
}

export {
  inCliWords
};
