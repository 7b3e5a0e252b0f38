import {
  tlsSettings
} from "./chunk-JGPVSH5P.js";
import "./chunk-LKJTNIGP.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  tlsSettings
};
