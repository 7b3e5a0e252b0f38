import {
  assertVerified,
  checkCompatibilityPredicate,
  mustFail,
  parseTrustedRoot,
  parseTrustedRoots,
  policyFromFlags,
  policyKind,
  verifyBundle
} from "./chunk-NB5YO7E2.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
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
