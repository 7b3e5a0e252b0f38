import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  SALT_ENV,
  attestValidation,
  parseRunnerLabels
} from "./chunk-JO3FOWEZ.js";
import "./chunk-E5ISLIRR.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-DR4D7WGV.js";
import "./chunk-LVM3LXHV.js";
import "./chunk-FI2N4XHO.js";
import "./chunk-46WCTIA5.js";
import "./chunk-ILUPUREO.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-MQRWDHTY.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-F2JA6JCL.js";
import "./chunk-EMVFEL76.js";
import "./chunk-U5HN2X42.js";
import "./chunk-KFUNB6SX.js";
import "./chunk-AECNDLIE.js";
import "./chunk-TVYRZPYQ.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-3OLLROG6.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-Q256A2XO.js";
import "./chunk-3HEGI24S.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  SALT_ENV,
  attestValidation,
  parseRunnerLabels
};
