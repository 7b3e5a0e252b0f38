import {
  generateCommand,
  printLabels
} from "./chunk-MRW57GCZ.js";
import "./chunk-5L4VJRG7.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-BRAVSDII.js";
import "./chunk-IIQ3KH2O.js";
import "./chunk-DCC5HAHI.js";
import "./chunk-YTU2YHNH.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-KJS7FU2L.js";
import "./chunk-3P7CACQ5.js";
import "./chunk-T3PCSXR4.js";
import "./chunk-FDWAH7XO.js";
import "./chunk-NAMLK4CX.js";
import "./chunk-6NZMWUXB.js";
import "./chunk-Y3VTGDHM.js";
import "./chunk-ARJZT3GV.js";
import "./chunk-OPARHCBB.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-HRVR337C.js";
import "./chunk-CEMVL7P3.js";
import "./chunk-MSF35XNF.js";
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
