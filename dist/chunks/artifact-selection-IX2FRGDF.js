import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  checkArtifactSignature,
  describeSubject,
  fetchBundles,
  selectArtifact
} from "./chunk-7OCFB46X.js";
import "./chunk-R6PEYBH7.js";
import "./chunk-FI2N4XHO.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-F2JA6JCL.js";
import "./chunk-EMVFEL76.js";
import "./chunk-U5HN2X42.js";
import "./chunk-KFUNB6SX.js";
import "./chunk-AECNDLIE.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-TSG2MLKR.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-3HEGI24S.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  checkArtifactSignature,
  describeSubject,
  fetchBundles,
  selectArtifact
};
