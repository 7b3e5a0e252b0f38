import {
  MAX_ALTERNATIVES,
  compileConfig,
  compileForManifest,
  compileForPlatforms,
  declaredPlatforms,
  noSetApplies
} from "./chunk-5GORG4BO.js";
import "./chunk-CAZRSHLT.js";
import "./chunk-3NTFZD3R.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OPARHCBB.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-23JRXOGA.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  MAX_ALTERNATIVES,
  compileConfig,
  compileForManifest,
  compileForPlatforms,
  declaredPlatforms,
  noSetApplies
};
