import {
  Option
} from "./chunk-5L4VJRG7.js";

// src/cli/output-option.ts
function outputOption() {
  return new Option("--output <format>", "output format").choices(["text", "json"]).default("text");
}

export {
  outputOption
};
