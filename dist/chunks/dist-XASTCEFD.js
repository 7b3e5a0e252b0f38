import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  require_dist
} from "./chunk-MSF35XNF.js";
import "./chunk-R5CBN7CG.js";
export default require_dist();
