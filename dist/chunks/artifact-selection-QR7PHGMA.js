import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  checkArtifactSignature,
  describeSubject,
  fetchBundles,
  selectArtifact
} from "./chunk-WJCDJKG5.js";
import "./chunk-MMQHUH3D.js";
import "./chunk-FI2N4XHO.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-46WCTIA5.js";
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
