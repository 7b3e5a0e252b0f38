// The registry client's public surface for the other rooms (commands, action).
export * from './artifact.js';
export * from './auth.js';
export * from './bearer.js';
export * from './client.js';
export * from './compatibility.js';
export * from './cred-helpers.js';
export * from './credentials.js';
export * from './digest.js';
export * from './http.js';
export * from './image.js';
// One platform module for the project (src/platform/); re-exported for the other rooms' convenience.
export * from '../platform/platform.js';
export { hostPlatform } from '../platform/host.js';
export * from './reference.js';
export * from './referrer.js';
export * from './referrers.js';
export * from './retry.js';
export * from './session.js';
export * from './tls.js';
export * from './transport.js';
export * from './types.js';
