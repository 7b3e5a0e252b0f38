import {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
} from "./chunk-24WPUSDU.js";
import "./chunk-3TSMJ2YB.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
};
