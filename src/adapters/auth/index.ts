export { createTokenProvider, type TokenProvider } from './createTokenProvider.js';
export { graphScope } from './graphScope.js';
export { sharePointScope } from './sharePointScope.js';
