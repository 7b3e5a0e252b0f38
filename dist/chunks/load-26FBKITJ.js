import {
  checkConfigDocument,
  loadConfig,
  parseConfig
} from "./chunk-6M4HYLWO.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-5GORG4BO.js";
import "./chunk-YP5NZXMW.js";
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
  checkConfigDocument,
  loadConfig,
  parseConfig
};
