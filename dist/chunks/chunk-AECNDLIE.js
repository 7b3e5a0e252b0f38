import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-R5CBN7CG.js";

// network-builtin:tls
var require_tls = __commonJS({
  "network-builtin:tls"(exports, module) {
    module.exports = __require("node:tls");
  }
});

export {
  require_tls
};
