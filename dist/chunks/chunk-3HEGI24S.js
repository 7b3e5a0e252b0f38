import {
  __commonJS,
  __require
} from "./chunk-R5CBN7CG.js";

// network-builtin:http
var require_http = __commonJS({
  "network-builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

// network-builtin:https
var require_https = __commonJS({
  "network-builtin:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

export {
  require_http,
  require_https
};
