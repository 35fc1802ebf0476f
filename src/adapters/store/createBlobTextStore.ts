// A TextStore in a Blob Storage container, over the Blob REST API with fetch: Create Container, Get
// Blob, Put Blob, List Blobs, Lease Blob (learn.microsoft.com/rest/api/storageservices/blob-service-rest-api).
// Why not @azure/storage-blob: docs/decisions/blob-storage-over-rest.md.
import { randomUUID } from 'node:crypto';
import { redactSecrets } from '../../errors.js';
import type { Lease, TextStore } from '../../ports.js';
import { checkStoreKey } from './checkStoreKey.js';
import { createBlobRequest, type BlobRequester, type BlobRequestOptions, type BlobResponse } from './createBlobRequest.js';
import { parseBlobList } from './parseBlobList.js';
import { parseConnectionString, type BlobConnection } from './parseStorageConnection.js';

export type BlobTextStoreOptions = BlobRequestOptions;

/** Our own error: what failed, the status and the storage error code; never a key, a token or a SAS. */
function storageError(action: string, failure: unknown): Error {
  const detail =
    failure && typeof failure === 'object' && 'status' in failure
      ? [(failure as BlobResponse).status, (failure as BlobResponse).errorCode].filter(Boolean).join(' ')
      : String((failure as Error | null)?.message ?? failure);
  return new Error(redactSecrets(`Blob storage: ${action} failed${detail ? `: ${detail}` : ''}`));
}

/** Runs a request, turning a request that got no answer into our error. */
async function call(request: BlobRequester, action: string, ...args: Parameters<BlobRequester>): Promise<BlobResponse> {
  try {
    return await request(...args);
  } catch (error) {
    throw storageError(action, error);
  }
}

function leaseFor(request: BlobRequester, path: string, key: string, leaseId: string): Lease {
  let released = false;
  const leaseAction = (action: 'renew' | 'release', verb: string) =>
    call(request, `${verb} the lease on "${key}"`, {
      method: 'PUT',
      path,
      query: { comp: 'lease' },
      headers: { 'x-ms-lease-action': action, 'x-ms-lease-id': leaseId },
    });
  return {
    async renew() {
      if (released) throw new Error('The lease was already released');
      const response = await leaseAction('renew', 'renewing');
      if (response.status === 409) throw new Error(`The lease on "${key}" was lost: it expired and another run took it over`);
      if (response.status !== 200) throw storageError(`renewing the lease on "${key}"`, response);
    },
    async release() {
      if (released) return;
      released = true;
      const response = await leaseAction('release', 'releasing');
      // 409: no longer ours (it expired and was taken): nothing to release.
      if (response.status !== 200 && response.status !== 409) throw storageError(`releasing the lease on "${key}"`, response);
    },
  };
}

/**
 * A TextStore in a Blob Storage container (created if missing); leases are blob leases. `connection`
 * is a connection string (account key, or UseDevelopmentStorage=true for Azurite) or an identity-based
 * connection (service URL and a token function).
 */
export function createBlobTextStore(connection: string | BlobConnection, containerName = 'm365-license-report', options: BlobTextStoreOptions = {}): TextStore {
  const request = createBlobRequest(typeof connection === 'string' ? parseConnectionString(connection) : connection, options);
  let ready: Promise<void> | undefined;
  const ensureContainer = (): Promise<void> => {
    ready ??= (async () => {
      const response = await call(request, `creating container "${containerName}"`, { method: 'PUT', path: containerName, query: { restype: 'container' } });
      if (response.status !== 201 && !(response.status === 409 && response.errorCode === 'ContainerAlreadyExists')) {
        throw storageError(`creating container "${containerName}"`, response);
      }
    })().catch((error: unknown) => {
      ready = undefined; // try again on the next call
      throw error;
    });
    return ready;
  };
  const blobPath = async (key: string) => {
    checkStoreKey(key);
    await ensureContainer();
    return `${containerName}/${key}`;
  };
  const putBlob = (path: string, text: string, headers: Record<string, string> = {}) =>
    request({
      method: 'PUT',
      path,
      headers: {
        'x-ms-blob-type': 'BlockBlob',
        'content-type': path.endsWith('.json') ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
        ...headers,
      },
      body: Buffer.from(text, 'utf8'),
    });

  return {
    async get(key) {
      const path = await blobPath(key);
      const response = await call(request, `reading "${key}"`, { method: 'GET', path });
      if (response.status === 404) return undefined;
      if (response.status !== 200) throw storageError(`reading "${key}"`, response);
      return response.body.toString('utf8');
    },

    async put(key, text) {
      const path = await blobPath(key);
      const response = await putBlob(path, text).catch((error: unknown) => Promise.reject(storageError(`writing "${key}"`, error)));
      if (response.status !== 201) throw storageError(`writing "${key}"`, response);
    },

    async list(prefix) {
      await ensureContainer();
      const keys: string[] = [];
      let marker: string | undefined;
      do {
        const query = { restype: 'container', comp: 'list', prefix, ...(marker ? { marker } : {}) };
        const response = await call(request, `listing "${prefix}"`, { method: 'GET', path: containerName, query });
        if (response.status !== 200) throw storageError(`listing "${prefix}"`, response);
        const page = parseBlobList(response.body.toString('utf8'));
        keys.push(...page.names);
        marker = page.nextMarker;
      } while (marker);
      return keys.sort();
    },

    async tryAcquireLease(key, durationSeconds) {
      if (durationSeconds !== -1 && !(Number.isInteger(durationSeconds) && durationSeconds >= 15 && durationSeconds <= 60)) {
        throw new Error(`Blob lease duration must be 15 to 60 seconds, or -1 for infinite (got ${durationSeconds})`);
      }
      const path = await blobPath(key);
      // The lease needs a blob: create an empty one unless it exists (never overwrite).
      const created = await putBlob(path, '', { 'if-none-match': '*' }).catch((error: unknown) =>
        Promise.reject(storageError(`creating the lease blob "${key}"`, error)),
      );
      if (![201, 409, 412].includes(created.status)) throw storageError(`creating the lease blob "${key}"`, created);
      const leaseId = randomUUID();
      const headers = { 'x-ms-lease-action': 'acquire', 'x-ms-lease-duration': String(durationSeconds), 'x-ms-proposed-lease-id': leaseId };
      const response = await call(request, `taking the lease on "${key}"`, { method: 'PUT', path, query: { comp: 'lease' }, headers });
      if (response.status === 409 && response.errorCode === 'LeaseAlreadyPresent') return undefined;
      if (response.status !== 201) throw storageError(`taking the lease on "${key}"`, response);
      return leaseFor(request, path, key, response.headers.get('x-ms-lease-id') ?? leaseId);
    },
  };
}
