import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  POLICY_CHOICES,
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
} from "./chunk-YZ3UNLPW.js";
import "./chunk-7TKNABSU.js";
import "./chunk-GVZXDFBL.js";
import "./chunk-YTI4N2UN.js";
import "./chunk-KEREC7LI.js";
import "./chunk-FTPQTPFU.js";
import "./chunk-KFUNB6SX.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  POLICY_CHOICES,
  addPolicyOptions,
  policyRequestOf,
  verifyCommand
};
