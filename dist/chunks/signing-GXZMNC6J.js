import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  INSTANCE_ENV,
  keylessInstance,
  oidcAvailable,
  resolveSigning
} from "./chunk-GTGX4EGZ.js";
import "./chunk-E5ISLIRR.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-46WCTIA5.js";
import "./chunk-ILUPUREO.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-AECNDLIE.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-3HEGI24S.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  INSTANCE_ENV,
  keylessInstance,
  oidcAvailable,
  resolveSigning
};
