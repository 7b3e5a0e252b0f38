import {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
} from "./chunk-IZMZ3V3G.js";
import "./chunk-LKJTNIGP.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
};
