import {
  __commonJS,
  __require
} from "./chunk-R5CBN7CG.js";

// builtin:fs
var require_fs = __commonJS({
  "builtin:fs"(exports, module) {
    module.exports = __require("node:fs");
  }
});

export {
  require_fs
};
