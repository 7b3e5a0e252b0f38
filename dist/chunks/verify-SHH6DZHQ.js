import {
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
} from "./chunk-NCHND2OG.js";
import "./chunk-7TKNABSU.js";
import "./chunk-OIARC5FT.js";
import "./chunk-5L4VJRG7.js";
import "./chunk-PTLUBV2Z.js";
import "./chunk-TUZJUBYL.js";
import "./chunk-S3I2ENCK.js";
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
