import type { Config } from '../../config/Config.js';
import type { TextStore } from '../../ports.js';
import { createBlobTextStore } from './createBlobTextStore.js';
import { createLocalTextStore } from './createLocalTextStore.js';

/** Blob Storage when a connection string is configured (AzureWebJobsStorage), else the local STATE_DIR. */
export function createTextStore(config: Pick<Config, 'storageConnectionString' | 'stateDir'>): TextStore {
  return config.storageConnectionString
    ? createBlobTextStore(config.storageConnectionString)
    : createLocalTextStore(config.stateDir);
}
