import {
  generateCommand,
  printLabels
} from "./chunk-6URKHKU2.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-4DDMDBMS.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-QMLOPEXN.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KJS7FU2L.js";
import "./chunk-G3FNBI2S.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-VHXEUIKY.js";
import "./chunk-JLEFDGDL.js";
import "./chunk-ZC6TAHSD.js";
import "./chunk-GTYZII3F.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-LNR5OBVR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-CC76JYNC.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-4PFJNI3I.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  generateCommand,
  printLabels
};
