import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  CLOCK_SKEW_MS,
  judgeSets,
  parseMaxAge
} from "./chunk-ARFXRORR.js";
import "./chunk-VQQTVLFL.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  CLOCK_SKEW_MS,
  judgeSets,
  parseMaxAge
};
