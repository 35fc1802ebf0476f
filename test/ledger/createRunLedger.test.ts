import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBlobTextStore } from '../../src/adapters/store/createBlobTextStore.js';
import { createLocalTextStore } from '../../src/adapters/store/createLocalTextStore.js';
import { RunInProgressError } from '../../src/errors.js';
import { createRunLedger } from '../../src/ledger/createRunLedger.js';
import type { DeliveryRecord, Lease, TextStore } from '../../src/ports.js';
import { startAzurite, type RunningAzurite } from '../adapters/store/startAzurite.js';

const dirs: string[] = [];
let azurite: RunningAzurite;
beforeAll(async () => {
  azurite = await startAzurite();
});
afterAll(async () => {
  await azurite?.stop();
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
afterEach(() => {
  vi.useRealTimers();
});

async function localStore(): Promise<TextStore> {
  const dir = await mkdtemp(path.join(tmpdir(), 'ledger-'));
  dirs.push(dir);
  return createLocalTextStore(dir);
}
const blobStore = async () => createBlobTextStore(azurite.connectionString, `ledger-${crypto.randomUUID()}`);
const clock = { now: () => new Date('2026-12-01T06:00:00.000Z') };
const noWait = async () => undefined;

const record = (siteCode: string, status: DeliveryRecord['status'] = 'sent'): DeliveryRecord => ({
  siteCode,
  status,
  at: '2026-12-01T06:03:00.000Z',
  runId: 'run-1',
  recipients: ['it-siege@contoso.test'],
});

describe.each([
  [
    'local folder',
    localStore,
    `it runs in process ${process.pid} on this machine: retry when it has finished (a stopped or crashed run frees the month at once)`,
  ],
  ['Blob Storage (Azurite)', blobStore, 'if that run has stopped, its lease lapses within 60 s of its last renewal: retry after that'],
])('createRunLedger over %s', (_, makeStore, whenToRetry) => {
  it('lets exactly one of two simultaneous runs lock a period; the other is told who holds it', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    const results = await Promise.allSettled([ledger.lock('2026-11', 'run-a'), ledger.lock('2026-11', 'run-b')]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.reason).toBeInstanceOf(RunInProgressError);
    await (won[0] as PromiseFulfilledResult<Lease>).value.release();
  });

  it('says when and by which run the period was locked, and when to retry', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    const lease = await ledger.lock('2026-11', 'run-a');
    await expect(ledger.lock('2026-11', 'run-b')).rejects.toThrow(
      new RunInProgressError(`another run for 2026-11 is in progress (started 2026-12-01T06:00:00.000Z by run run-a); ${whenToRetry}`),
    );
    await lease.release();
  });

  it('locks the period again once the first run released it', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    const first = await ledger.lock('2026-11', 'run-a');
    await first.release();
    const second = await ledger.lock('2026-11', 'run-b');
    await second.renew();
    await second.release();
  });

  it('locks different periods independently', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    const november = await ledger.lock('2026-11', 'run-a');
    const december = await ledger.lock('2026-12', 'run-b');
    await Promise.all([november.release(), december.release()]);
  });

  it('remembers deliveries per period and site, "unknown" ones included', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    await ledger.record('2026-11', record('SIEGE'));
    await ledger.record('2026-11', record('FLP', 'unknown'));
    await ledger.record('2026-12', record('SIEGE'));
    const deliveries = await ledger.deliveries('2026-11');
    expect([...deliveries.keys()].sort()).toEqual(['FLP', 'SIEGE']);
    expect(deliveries.get('SIEGE')).toEqual(record('SIEGE'));
    expect(deliveries.get('FLP')).toEqual(record('FLP', 'unknown'));
    expect((await ledger.deliveries('2027-01')).size).toBe(0);
  });

  it('overwrites a site record when it is recorded again (unknown -> sent)', async () => {
    const ledger = createRunLedger(await makeStore(), { clock, sleep: noWait });
    await ledger.record('2026-11', record('SIEGE', 'unknown'));
    await ledger.record('2026-11', record('SIEGE', 'sent'));
    expect((await ledger.deliveries('2026-11')).get('SIEGE')?.status).toBe('sent');
  });
});

describe('createRunLedger', () => {
  it('stores a record as ledger/<period>/<site code>.json, any site code kept in one file name', async () => {
    const store = await localStore();
    const ledger = createRunLedger(store, { sleep: noWait });
    await ledger.record('2026-11', record('SIEGE'));
    await ledger.record('2026-11', record('A/B É'));
    expect(await store.list('ledger/2026-11/')).toEqual(['ledger/2026-11/A%2FB%20%C3%89.json', 'ledger/2026-11/SIEGE.json']);
    expect((await ledger.deliveries('2026-11')).get('A/B É')?.siteCode).toBe('A/B É');
  });

  it('keeps a pending attempt whole (status, key, earlier keys, reason) and still reads records written before keys', async () => {
    const store = await localStore();
    const ledger = createRunLedger(store, { sleep: noWait });
    const pending: DeliveryRecord = {
      ...record('SIEGE', 'unknown'),
      key: '2026-11/SIEGE/b2',
      earlierKeys: ['2026-11/SIEGE/a1'],
      reason: 'POST /users/s/sendMail answered 500',
    };
    await ledger.record('2026-11', pending);
    await ledger.record('2026-11', { ...record('APF', 'sent'), key: '2026-11/APF/c3', confirmedBy: 'sent-items' });
    await store.put('ledger/2026-11/AT65.json', JSON.stringify(record('AT65', 'sent')));
    const deliveries = await ledger.deliveries('2026-11');
    expect(deliveries.get('SIEGE')).toEqual(pending);
    expect(deliveries.get('APF')).toMatchObject({ key: '2026-11/APF/c3', confirmedBy: 'sent-items' });
    expect(deliveries.get('AT65')).toEqual(record('AT65', 'sent'));
    await store.put('ledger/2026-11/HUMA.json', JSON.stringify({ ...record('HUMA', 'sent'), key: 42 }));
    expect((await ledger.deliveries('2026-11')).get('HUMA')).toMatchObject({ status: 'unknown', recipients: [] });
  });

  it('counts an unreadable record as "unknown" so the site is not mailed twice, and warns', async () => {
    const store = await localStore();
    const warnings: unknown[] = [];
    const ledger = createRunLedger(store, { sleep: noWait, logger: { info() {}, error() {}, warn: (...args) => warnings.push(args.join(' ')) } });
    await store.put('ledger/2026-11/SIEGE.json', '{"siteCode": "SIEGE", "stat');
    expect((await ledger.deliveries('2026-11')).get('SIEGE')).toEqual({ siteCode: 'SIEGE', status: 'unknown', at: '', runId: '', recipients: [] });
    expect(warnings).toEqual([expect.stringMatching(/ledger\/2026-11\/SIEGE\.json is not a delivery record/)]);
  });

  it('renews the lock while held and stops after release', async () => {
    vi.useFakeTimers();
    const inner = await localStore();
    let renewals = 0;
    const store: TextStore = {
      ...inner,
      async tryAcquireLease(key, seconds) {
        const lease = await inner.tryAcquireLease(key, seconds);
        return lease && { renew: async () => void renewals++, release: () => lease.release() };
      },
    };
    const lease = await createRunLedger(store, { leaseSeconds: 60, renewEveryMs: 20_000, sleep: noWait }).lock('2026-11', 'run-a');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toBe(3);
    await lease.release();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(renewals).toBe(3);
  });

  it('says the holder is unknown when no note can be read', async () => {
    const store = await localStore();
    await store.tryAcquireLease('locks/2026-11', 60); // a holder that wrote no note
    await expect(createRunLedger(store, { sleep: noWait }).lock('2026-11', 'run-b')).rejects.toThrow(
      'another run for 2026-11 is in progress (its start and run id are not known); it runs in process',
    );
  });

  it.each(['2026-13', '2026-1', 'latest', '../x'])('refuses the period %j', async (period) => {
    const ledger = createRunLedger(await localStore(), { sleep: noWait });
    await expect(ledger.lock(period, 'r')).rejects.toThrow(/is not a YYYY-MM month/);
    await expect(ledger.deliveries(period)).rejects.toThrow(/is not a YYYY-MM month/);
  });

  it('refuses a renewal interval that would let the lease lapse', () => {
    expect(() => createRunLedger({} as TextStore, { leaseSeconds: 30, renewEveryMs: 30_000 })).toThrow(/renewEveryMs/);
  });
});
