// The environment variables that replace the keyless Sigstore instance (docs/signing.md), in a
// module of their own: `attach --help` names them without loading the signing code.
export const INSTANCE_ENV = {
  fulcio: 'IMAGE_COMPAT_FULCIO_URL',
  rekor: 'IMAGE_COMPAT_REKOR_URL',
  tsa: 'IMAGE_COMPAT_TSA_URL',
} as const;
