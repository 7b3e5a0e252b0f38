import {
  tlsSettings
} from "./chunk-MQOHZQVC.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  tlsSettings
};
