import {
  SOURCES,
  collectHostFeatures
} from "./chunk-UZJYVYDW.js";
import "./chunk-IZMZ3V3G.js";
import "./chunk-JRYNVW2E.js";
import "./chunk-LKJTNIGP.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  SOURCES,
  collectHostFeatures
};
