import {
  SOURCES,
  collectHostFeatures
} from "./chunk-CZNYXPM2.js";
import "./chunk-M6CRNPH7.js";
import "./chunk-QFUDLQC4.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  SOURCES,
  collectHostFeatures
};
