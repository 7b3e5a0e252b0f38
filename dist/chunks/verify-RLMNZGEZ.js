import {
  POLICY_OPTIONS,
  policyRequestOf,
  verifyCommand
} from "./chunk-WDWC67ZK.js";
import "./chunk-7TKNABSU.js";
import "./chunk-4XOXONEX.js";
import "./chunk-Y4PLFU5D.js";
import "./chunk-CETXEPAT.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  POLICY_OPTIONS,
  policyRequestOf,
  verifyCommand
};
