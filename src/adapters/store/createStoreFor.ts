import type { Config } from '../../config/Config.js';
import type { TextStore } from '../../ports.js';
import { createTokenProvider, type TokenConfig, type TokenProvider } from '../auth/createTokenProvider.js';
import { createTextStore } from './createTextStore.js';

/**
 * The run's store; identity-based Blob Storage takes its tokens from the identity its settings name.
 * Apart from deps.ts: the status read needs nothing else.
 */
export function createStoreFor(config: Config, tokens: TokenProvider = createTokenProvider(config)): TextStore {
  const storageTokens = storageTokenConfig(config);
  const source = storageTokens ? createTokenProvider(storageTokens) : tokens;
  return createTextStore(config, { getToken: (scope) => source.getToken(scope) });
}

/**
 * The managed identity for identity-based storage, when it is not the one Graph and SharePoint use:
 * the host reaches AzureWebJobsStorage with AzureWebJobsStorage__clientId (a user-assigned identity)
 * or the system-assigned one, whatever certificate the app itself signs in with. undefined = the
 * run's own tokens serve (same identity, a static test token, or no identity-based storage).
 */
export function storageTokenConfig(config: Config): TokenConfig | undefined {
  if (!config.storageBlobServiceUri || config.staticAccessToken) return undefined;
  const sameIdentity = !config.azureClientCertificatePath && (config.storageClientId ?? config.azureClientId) === config.azureClientId;
  if (sameIdentity) return undefined;
  return config.storageClientId ? { azureClientId: config.storageClientId } : {};
}
