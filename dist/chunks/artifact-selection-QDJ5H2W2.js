import {
  checkArtifactSignature,
  describeSubject,
  fetchBundles,
  selectArtifact
} from "./chunk-Z2TCVSDZ.js";
import "./chunk-NB5YO7E2.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  checkArtifactSignature,
  describeSubject,
  fetchBundles,
  selectArtifact
};
