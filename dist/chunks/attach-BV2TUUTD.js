import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  attachCommand,
  outputOption
} from "./chunk-YKW2K5YL.js";
import "./chunk-GVZXDFBL.js";
import "./chunk-YTI4N2UN.js";
import "./chunk-TKUGWL5N.js";
import "./chunk-XDDB4SG4.js";
import "./chunk-PORYFD2U.js";
import "./chunk-A65EGXUP.js";
import "./chunk-YP5NZXMW.js";
import "./chunk-GTGX4EGZ.js";
import "./chunk-E5ISLIRR.js";
import "./chunk-AIYKYRR2.js";
import "./chunk-FI2N4XHO.js";
import "./chunk-PEHZUMXG.js";
import "./chunk-46WCTIA5.js";
import "./chunk-ILUPUREO.js";
import "./chunk-BAT4XCPV.js";
import "./chunk-6F2QB2HZ.js";
import "./chunk-FTPQTPFU.js";
import "./chunk-F2JA6JCL.js";
import "./chunk-EMVFEL76.js";
import "./chunk-U5HN2X42.js";
import "./chunk-KFUNB6SX.js";
import "./chunk-AECNDLIE.js";
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
import "./chunk-3HEGI24S.js";
import "./chunk-L636BFQV.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  attachCommand,
  outputOption
};
