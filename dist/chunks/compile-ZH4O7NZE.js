import {
  MAX_ALTERNATIVES,
  compileConfig,
  compileForManifest,
  compileForPlatforms,
  declaredPlatforms,
  noSetApplies
} from "./chunk-24Q7AG5A.js";
import "./chunk-JRYNVW2E.js";
import "./chunk-3JTZG76I.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LKJTNIGP.js";
import "./chunk-LNR5OBVR.js";
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
