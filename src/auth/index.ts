/** Provider tokens: creation, verification, listing. */
export { TokenStore } from './TokenStore.js';
export type { TokenGrant, TokenInfo, TokenStoreOptions } from './TokenStore.js';
