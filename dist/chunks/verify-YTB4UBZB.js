import {
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
} from "./chunk-QVIMWUJ7.js";
import "./chunk-7TKNABSU.js";
import "./chunk-I2WOFWMX.js";
import "./chunk-5L4VJRG7.js";
import "./chunk-OWZWGXPJ.js";
import "./chunk-AEQ4LSYH.js";
import "./chunk-I4IMQXWF.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
};
