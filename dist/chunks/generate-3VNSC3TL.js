import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  generateCommand,
  printLabels
} from "./chunk-3LDLLMOM.js";
import "./chunk-YTI4N2UN.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-PORYFD2U.js";
import "./chunk-A65EGXUP.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-HOR3GKB2.js";
import "./chunk-A2Q6CMOH.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-EL7ZJEJ4.js";
import "./chunk-WSUNQCKZ.js";
import "./chunk-6F2QB2HZ.js";
import "./chunk-53P7BJDV.js";
import "./chunk-TVYRZPYQ.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-TSG2MLKR.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-EIWQX6KW.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-SYP4RMMF.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  generateCommand,
  printLabels
};
