import {
  generateCommand,
  printLabels
} from "./chunk-XDS3I2LQ.js";
import "./chunk-5L4VJRG7.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-MTMTXYIX.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-S73JBZOL.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-CAZRSHLT.js";
import "./chunk-YMOHWZTZ.js";
import "./chunk-EOQF4JJR.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-53JIX5PW.js";
import "./chunk-YK43ATAL.js";
import "./chunk-235CW6G4.js";
import "./chunk-WXWNIIBB.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OFVKHENY.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-23JRXOGA.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-U6BYPZCD.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  generateCommand,
  printLabels
};
