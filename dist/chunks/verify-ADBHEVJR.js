import {
  assertVerified,
  checkCompatibilityPredicate,
  mustFail,
  parseTrustedRoot,
  parseTrustedRoots,
  policyFromFlags,
  policyKind,
  verifyBundle
} from "./chunk-MJVDJ2HD.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-4AIAGJ3W.js";
import "./chunk-ILUPUREO.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-U6BYPZCD.js";
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
