import type { Config } from '../../config/Config.js';
import type { TextStore } from '../../ports.js';
import { createTokenProvider, type TokenProvider } from '../auth/createTokenProvider.js';
import { createTextStore } from './createTextStore.js';

/** The run's store; identity-based Blob Storage takes its tokens from `tokens`. Apart from deps.ts: the status read needs nothing else. */
export function createStoreFor(config: Config, tokens: TokenProvider = createTokenProvider(config)): TextStore {
  return createTextStore(config, { getToken: (scope) => tokens.getToken(scope) });
}
