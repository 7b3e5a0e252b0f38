import {
  readText
} from "./chunk-LKJTNIGP.js";
import {
  InputError,
  LIMITS
} from "./chunk-TS22JX7Z.js";

// src/oci/tls.ts
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
  const { rootCertificates } = process.getBuiltinModule("node:tls");
  return { ca: [...rootCertificates, ...extra], rejectUnauthorized: !opts.insecure };
}

export {
  tlsSettings
};
