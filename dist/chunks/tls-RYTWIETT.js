import {
  tlsSettings
} from "./chunk-FVFOLBOD.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  tlsSettings
};
