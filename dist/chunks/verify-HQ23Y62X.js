import {
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
} from "./chunk-GEV7Z4ZK.js";
import "./chunk-7TKNABSU.js";
import "./chunk-4IZIHNR4.js";
import "./chunk-5L4VJRG7.js";
import "./chunk-PTLUBV2Z.js";
import "./chunk-CETXEPAT.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
};
