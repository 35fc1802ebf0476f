import { BlobServiceClient, type BlobLeaseClient, type ContainerClient } from '@azure/storage-blob';
import { redactSecrets } from '../../errors.js';
import type { Lease, TextStore } from '../../ports.js';
import { checkStoreKey } from './checkStoreKey.js';

interface StorageError {
  statusCode?: number;
  code?: string;
  details?: { errorCode?: string };
  message?: string;
}

const statusOf = (error: unknown) => (error as StorageError | null)?.statusCode;
const codeOf = (error: unknown) => (error as StorageError | null)?.details?.errorCode ?? (error as StorageError | null)?.code;

/**
 * Our own error: what failed, the status and the storage error code, never the connection
 * string (the SDK's errors carry the request, whose URL may hold a SAS signature).
 */
function storageError(action: string, error: unknown): Error {
  const status = statusOf(error);
  const code = codeOf(error);
  const first = String((error as StorageError | null)?.message ?? error).split('\n')[0] ?? '';
  const detail = [status, code].filter(Boolean).join(' ') || first;
  return new Error(redactSecrets(`Blob storage: ${action} failed${detail ? `: ${detail}` : ''}`));
}

function leaseFor(client: BlobLeaseClient, key: string): Lease {
  let released = false;
  return {
    async renew() {
      if (released) throw new Error('The lease was already released');
      try {
        await client.renewLease();
      } catch (error) {
        if (statusOf(error) === 409) throw new Error(`The lease on "${key}" was lost: it expired and another run took it over`);
        throw storageError(`renewing the lease on "${key}"`, error);
      }
    },
    async release() {
      if (released) return;
      released = true;
      try {
        await client.releaseLease();
      } catch (error) {
        if (statusOf(error) === 409) return; // no longer ours: nothing to release
        throw storageError(`releasing the lease on "${key}"`, error);
      }
    },
  };
}

export interface BlobTextStoreOptions {
  /** Attempts per request, the SDK's retry policy included; default the SDK's (4). */
  maxTries?: number;
}

/** A TextStore in a Blob Storage container (created if missing); leases are blob leases. */
export function createBlobTextStore(connectionString: string, containerName = 'm365-license-report', options: BlobTextStoreOptions = {}): TextStore {
  let container: ContainerClient;
  try {
    const pipeline = options.maxTries ? { retryOptions: { maxTries: options.maxTries } } : {};
    container = BlobServiceClient.fromConnectionString(connectionString, pipeline).getContainerClient(containerName);
  } catch {
    throw new Error('Blob storage: the storage connection string (AzureWebJobsStorage) is not valid');
  }
  let ready: Promise<void> | undefined;
  const ensureContainer = (): Promise<void> => {
    ready ??= container.createIfNotExists().then(
      () => undefined,
      (error: unknown) => {
        ready = undefined; // try again on the next call
        throw storageError(`creating container "${containerName}"`, error);
      },
    );
    return ready;
  };
  const blob = async (key: string) => {
    checkStoreKey(key);
    await ensureContainer();
    return container.getBlockBlobClient(key);
  };

  return {
    async get(key) {
      const client = await blob(key);
      try {
        return (await client.downloadToBuffer()).toString('utf8');
      } catch (error) {
        if (statusOf(error) === 404) return undefined;
        throw storageError(`reading "${key}"`, error);
      }
    },

    async put(key, text) {
      const client = await blob(key);
      const blobContentType = key.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8';
      try {
        await client.upload(text, Buffer.byteLength(text, 'utf8'), { blobHTTPHeaders: { blobContentType } });
      } catch (error) {
        throw storageError(`writing "${key}"`, error);
      }
    },

    async list(prefix) {
      await ensureContainer();
      const keys: string[] = [];
      try {
        for await (const item of container.listBlobsFlat({ prefix })) keys.push(item.name);
      } catch (error) {
        throw storageError(`listing "${prefix}"`, error);
      }
      return keys.sort();
    },

    async tryAcquireLease(key, durationSeconds) {
      if (durationSeconds !== -1 && !(Number.isInteger(durationSeconds) && durationSeconds >= 15 && durationSeconds <= 60)) {
        throw new Error(`Blob lease duration must be 15 to 60 seconds, or -1 for infinite (got ${durationSeconds})`);
      }
      const client = await blob(key);
      try {
        // The lease needs a blob: create an empty one unless it exists (never overwrite).
        await client.upload('', 0, { conditions: { ifNoneMatch: '*' } });
      } catch (error) {
        if (statusOf(error) !== 409 && statusOf(error) !== 412) throw storageError(`creating the lease blob "${key}"`, error);
      }
      const lease = client.getBlobLeaseClient();
      try {
        await lease.acquireLease(durationSeconds);
      } catch (error) {
        if (statusOf(error) === 409 && codeOf(error) === 'LeaseAlreadyPresent') return undefined;
        throw storageError(`taking the lease on "${key}"`, error);
      }
      return leaseFor(lease, key);
    },
  };
}
