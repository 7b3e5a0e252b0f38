import { createRequire as __icCreateRequire } from 'node:module';
const require = __icCreateRequire(import.meta.url);
import {
  require_tls
} from "./chunk-AECNDLIE.js";
import {
  readText
} from "./chunk-VI3OPX7Z.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";
import {
  __toESM
} from "./chunk-R5CBN7CG.js";

// src/oci/tls.ts
var import_node_tls = __toESM(require_tls(), 1);
var PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;
async function tlsSettings(opts) {
  if (opts.caFile === void 0 && !opts.insecure) return void 0;
  let extra = [];
  if (opts.caFile !== void 0) {
    const text = await readText(opts.caFile, { maxBytes: LIMITS.small, what: "the CA file" });
    extra = text.match(PEM_CERT) ?? [];
    if (extra.length === 0)
      throw new InputError("the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)", {
        file: opts.caFile
      });
  }
  return { ca: [...import_node_tls.rootCertificates, ...extra], rejectUnauthorized: !opts.insecure };
}

export {
  tlsSettings
};
