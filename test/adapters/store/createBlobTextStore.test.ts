import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlobRequest } from '../../../src/adapters/store/createBlobRequest.js';
import { createBlobTextStore } from '../../../src/adapters/store/createBlobTextStore.js';
import { parseConnectionString } from '../../../src/adapters/store/parseStorageConnection.js';
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
/** Plain Blob REST requests from outside the store, as another client (or the portal) would make them. */
const outside = () => createBlobRequest(parseConnectionString(azurite.connectionString), { maxTries: 1 });

describeTextStoreBehaviour('blob store (Azurite)', () => createBlobTextStore(azurite.connectionString, freshContainer()), 15);

describe('createBlobTextStore', () => {
  it('creates its container when missing and keeps keys as blob names', async () => {
    const container = freshContainer();
    await createBlobTextStore(azurite.connectionString, container).put('ledger/2026-11/SIEGE.json', '{"a":1}');
    const blob = await outside()({ method: 'GET', path: `${container}/ledger/2026-11/SIEGE.json` });
    expect(blob.body.toString()).toBe('{"a":1}');
    expect(blob.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('uses the container "m365-license-report" by default', async () => {
    await createBlobTextStore(azurite.connectionString).put('probe.txt', 'x');
    const containers = await outside()({ method: 'GET', path: '', query: { comp: 'list' } });
    expect(containers.body.toString()).toContain('<Name>m365-license-report</Name>');
  });

  it('signs any blob name the way the service checks it: spaces, accents, %, +, quotes, parentheses', async () => {
    const store = createBlobTextStore(azurite.connectionString, freshContainer());
    const keys = ['ledger/2026-11/A%2FB%20%C3%89.json', 'snapshots/Siège social (2).json', "runs/a+b=c&d;e'f!*~.json", 'runs/日本.json'];
    for (const key of keys) await store.put(key, key);
    for (const key of keys) expect(await store.get(key)).toBe(key);
    expect(await store.list('')).toEqual([...keys].sort());
  });

  it('takes a real blob lease: a lease taken outside the store blocks it', async () => {
    const container = freshContainer();
    const store = createBlobTextStore(azurite.connectionString, container);
    await store.put('locks/2026-11', '');
    const leaseId = randomUUID();
    const lease = (action: string) => ({
      method: 'PUT' as const,
      path: `${container}/locks/2026-11`,
      query: { comp: 'lease' },
      headers: { 'x-ms-lease-action': action, 'x-ms-lease-id': leaseId },
    });
    const acquired = await outside()({
      ...lease('acquire'),
      headers: { 'x-ms-lease-action': 'acquire', 'x-ms-lease-duration': '15', 'x-ms-proposed-lease-id': leaseId },
    });
    expect(acquired.status).toBe(201);
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeUndefined();
    expect((await outside()(lease('release'))).status).toBe(200);
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeDefined();
  });

  it('tells a holder whose lease was broken that it lost it', async () => {
    const container = freshContainer();
    const store = createBlobTextStore(azurite.connectionString, container);
    const lease = await store.tryAcquireLease('locks/2026-11', 15);
    const broken = await outside()({
      method: 'PUT',
      path: `${container}/locks/2026-11`,
      query: { comp: 'lease' },
      headers: { 'x-ms-lease-action': 'break', 'x-ms-lease-break-period': '0' },
    });
    expect(broken.status).toBe(202);
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
    const error = await store.get('a.json').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Blob storage: creating container "test-[^"]+" failed: 403/);
    expect(JSON.stringify({ message: error?.message, stack: error?.stack, cause: String(error?.cause) })).not.toContain(key);
  });

  it('names an unreachable storage account without the connection string, and without retrying a refused connection', async () => {
    const key = Buffer.from(`key-${randomUUID()}`).toString('base64');
    const calls: string[] = [];
    const counting: typeof fetch = (input, init) => (calls.push(String(input)), fetch(input, init));
    const store = createBlobTextStore(azuriteConnectionString(await freePort(), key), freshContainer(), { fetch: counting });
    const error = await store.put('a.json', '{}').then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^Blob storage: creating container .* failed: .*ECONNREFUSED/);
    expect(error?.message).not.toContain(key);
    expect(calls).toHaveLength(1);
  });

  it('refuses a malformed connection string without repeating it', () => {
    expect(() => createBlobTextStore('AccountKey=s3cr3t;nonsense')).toThrow(
      /^Blob storage: the storage connection string \(AzureWebJobsStorage\) is not valid$/,
    );
  });
});
