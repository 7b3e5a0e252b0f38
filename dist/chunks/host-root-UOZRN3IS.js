import {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
} from "./chunk-M6CRNPH7.js";
import "./chunk-LOFLUJHY.js";
import "./chunk-MGVSXMIB.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  HostRoot,
  describeError,
  nodeHostFs,
  resolveHostRoot
};
