import {
  keylessInstance,
  oidcAvailable,
  resolveSigning
} from "./chunk-5G3ZMJKK.js";
import {
  INSTANCE_ENV
} from "./chunk-73ZAQEUH.js";
import "./chunk-7L5NO3CK.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-N26NQN4P.js";
import "./chunk-BDXOAHXW.js";
import "./chunk-ILUPUREO.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-3HEGI24S.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  INSTANCE_ENV,
  keylessInstance,
  oidcAvailable,
  resolveSigning
};
