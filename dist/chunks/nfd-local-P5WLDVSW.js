import {
  MAX_FEATURE_FILE_SIZE,
  formatNfdLocal,
  localFeatureLines,
  parseNfdLocal
} from "./chunk-T3PCSXR4.js";
import "./chunk-ZBJJTEMS.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  MAX_FEATURE_FILE_SIZE,
  formatNfdLocal,
  localFeatureLines,
  parseNfdLocal
};
