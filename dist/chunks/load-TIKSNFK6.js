import {
  checkConfigDocument,
  loadConfig,
  parseConfig
} from "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  checkConfigDocument,
  loadConfig,
  parseConfig
};
