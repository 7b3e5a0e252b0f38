// Replaced at bundle time by esbuild's `define`; the fallback serves tests run from sources.
declare const __IMAGE_COMPAT_VERSION__: string | undefined;
export const VERSION: string =
  typeof __IMAGE_COMPAT_VERSION__ === 'string' ? __IMAGE_COMPAT_VERSION__ : '0.0.0-dev';
