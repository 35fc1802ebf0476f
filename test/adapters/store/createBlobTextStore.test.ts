import { randomUUID } from 'node:crypto';
import { BlobServiceClient } from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobTextStore } from '../../../src/adapters/store/createBlobTextStore.js';
import { azuriteConnectionString, freePort, startAzurite, type RunningAzurite } from './startAzurite.js';
import { describeTextStoreBehaviour } from './textStoreBehaviour.js';

let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
});

/** A container per test, so tests share nothing. */
const freshContainer = () => `test-${randomUUID()}`;

describeTextStoreBehaviour('blob store (Azurite)', () => createBlobTextStore(azurite.connectionString, freshContainer()), 15);

describe('createBlobTextStore', () => {
  it('creates its container when missing and keeps keys as blob names', async () => {
    const container = freshContainer();
    await createBlobTextStore(azurite.connectionString, container).put('ledger/2026-11/SIEGE.json', '{"a":1}');
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).getBlockBlobClient('ledger/2026-11/SIEGE.json');
    expect((await blob.downloadToBuffer()).toString()).toBe('{"a":1}');
    expect((await blob.getProperties()).contentType).toBe('application/json; charset=utf-8');
  });

  it('uses the container "m365-license-report" by default', async () => {
    await createBlobTextStore(azurite.connectionString).put('probe.txt', 'x');
    const names = [];
    for await (const c of BlobServiceClient.fromConnectionString(azurite.connectionString).listContainers()) names.push(c.name);
    expect(names).toContain('m365-license-report');
  });

  it('takes a real blob lease: a lease taken outside the store blocks it', async () => {
    const container = freshContainer();
    const store = createBlobTextStore(azurite.connectionString, container);
    await store.put('locks/2026-11', '');
    const outside = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).getBlockBlobClient('locks/2026-11').getBlobLeaseClient();
    await outside.acquireLease(15);
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeUndefined();
    await outside.releaseLease();
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeDefined();
  });

  it('tells a holder whose lease was broken that it lost it', async () => {
    const container = freshContainer();
    const store = createBlobTextStore(azurite.connectionString, container);
    const lease = await store.tryAcquireLease('locks/2026-11', 15);
    const blob = BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient(container).getBlockBlobClient('locks/2026-11');
    await blob.getBlobLeaseClient().breakLease(0);
    const thief = await store.tryAcquireLease('locks/2026-11', 15);
    expect(thief).toBeDefined();
    await expect(lease?.renew()).rejects.toThrow(/was lost/);
    await lease?.release(); // not ours any more: a no-op
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeUndefined();
  });

  it.each([10, 61, 0])('refuses a lease of %i seconds (blob leases are 15 to 60 s, or -1)', async (seconds) => {
    const store = createBlobTextStore(azurite.connectionString, freshContainer());
    await expect(store.tryAcquireLease('locks/x', seconds)).rejects.toThrow(/15 to 60 seconds/);
  });

  it('never shows the account key in its errors', async () => {
    const key = Buffer.from(`wrong-key-${randomUUID()}`).toString('base64');
    const store = createBlobTextStore(azuriteConnectionString(azurite.port, key), freshContainer());
    const error = await store.get('a.json').then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^Blob storage: creating container "test-[^"]+" failed: 403/);
    expect(JSON.stringify({ message: error?.message, stack: error?.stack, cause: String(error?.cause) })).not.toContain(key);
  });

  it('names an unreachable storage account without the connection string', async () => {
    const key = Buffer.from(`key-${randomUUID()}`).toString('base64');
    const store = createBlobTextStore(azuriteConnectionString(await freePort(), key), freshContainer(), { maxTries: 1 });
    const error = await store.put('a.json', '{}').then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(/^Blob storage: creating container .* failed: .*ECONNREFUSED/);
    expect(error?.message).not.toContain(key);
  });

  it('refuses a malformed connection string without repeating it', () => {
    expect(() => createBlobTextStore('AccountKey=s3cr3t;nonsense')).toThrow(/^Blob storage: the storage connection string \(AzureWebJobsStorage\) is not valid$/);
  });
});
