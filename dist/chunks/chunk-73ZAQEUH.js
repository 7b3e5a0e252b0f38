
// src/commands/signing-env.ts
var INSTANCE_ENV = {
  fulcio: "IMAGE_COMPAT_FULCIO_URL",
  rekor: "IMAGE_COMPAT_REKOR_URL",
  tsa: "IMAGE_COMPAT_TSA_URL"
};

export {
  INSTANCE_ENV
};
