import {
  checkConfigDocument,
  loadConfig,
  parseConfig
} from "./chunk-MTMTXYIX.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-S73JBZOL.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-CAZRSHLT.js";
import "./chunk-WXWNIIBB.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OFVKHENY.js";
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
