import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  assertVerified,
  checkCompatibilityPredicate,
  mustFail,
  parseTrustedRoot,
  parseTrustedRoots,
  policyFromFlags,
  policyKind,
  verifyBundle
} from "./chunk-MMQHUH3D.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-46WCTIA5.js";
import "./chunk-ILUPUREO.js";
import "./chunk-TSG2MLKR.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  assertVerified,
  checkCompatibilityPredicate,
  mustFail,
  parseTrustedRoot,
  parseTrustedRoots,
  policyFromFlags,
  policyKind,
  verifyBundle
};
