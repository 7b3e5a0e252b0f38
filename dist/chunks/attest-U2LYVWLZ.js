import {
  SALT_ENV,
  attestValidation,
  parseRunnerLabels
} from "./chunk-OFFL6IVM.js";
import "./chunk-TEKY3YQX.js";
import "./chunk-CZNYXPM2.js";
import "./chunk-M6CRNPH7.js";
import "./chunk-7L5NO3CK.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-DR4D7WGV.js";
import "./chunk-VQQTVLFL.js";
import "./chunk-PSPC2OAQ.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-HIZ7TLNX.js";
import "./chunk-5POD2GZZ.js";
import "./chunk-EMVFEL76.js";
import "./chunk-Y6GGFIRV.js";
import "./chunk-FVFOLBOD.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-3OLLROG6.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-3HEGI24S.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-Q256A2XO.js";
import "./chunk-R5CBN7CG.js";
export {
  SALT_ENV,
  attestValidation,
  parseRunnerLabels
};
