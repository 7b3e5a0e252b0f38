import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  tlsSettings
} from "./chunk-U5HN2X42.js";
import "./chunk-AECNDLIE.js";
import "./chunk-VI3OPX7Z.js";
import "./chunk-TS22JX7Z.js";
import "./chunk-R5CBN7CG.js";
export {
  tlsSettings
};
