import type { Config } from '../../config/Config.js';
import type { TextStore } from '../../ports.js';
import { createBlobTextStore } from './createBlobTextStore.js';
import { createLocalTextStore } from './createLocalTextStore.js';
import type { StorageTokenFunction } from './parseStorageConnection.js';

export interface TextStoreWiring {
  /** Bearer tokens for identity-based storage (scope https://storage.azure.com/.default). */
  getToken?: StorageTokenFunction;
}

/**
 * Blob Storage when a connection string (AzureWebJobsStorage) or an identity-based connection
 * (AzureWebJobsStorage__accountName / __blobServiceUri) is configured, else the local STATE_DIR.
 */
export function createTextStore(
  config: Pick<Config, 'storageConnectionString' | 'storageBlobServiceUri' | 'stateDir'>,
  wiring: TextStoreWiring = {},
): TextStore {
  if (config.storageConnectionString) return createBlobTextStore(config.storageConnectionString);
  if (config.storageBlobServiceUri) {
    const { getToken } = wiring;
    if (!getToken) throw new Error('Blob storage: an identity-based connection (AzureWebJobsStorage__accountName or __blobServiceUri) needs a token provider');
    return createBlobTextStore({ serviceUrl: config.storageBlobServiceUri, credential: { kind: 'token', getToken } });
  }
  return createLocalTextStore(config.stateDir);
}
