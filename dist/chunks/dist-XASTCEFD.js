import {
  require_dist
} from "./chunk-MSF35XNF.js";
import "./chunk-R5CBN7CG.js";
export default require_dist();
