// The doctor's schedule and storage checks (no tenant needed): REPORT_SCHEDULE's next occurrences
// on a fixed clock, and a lease on the doctor's own key that never blocks a real run.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLocalTextStore } from '../../src/adapters/store/createLocalTextStore.js';
import { createDoctorContext, type DoctorContext } from '../../src/doctor/doctorContext.js';
import { scheduleCheck } from '../../src/doctor/schedule.js';
import { DOCTOR_LEASE_KEY, storageChecks } from '../../src/doctor/storage.js';
import { createRunLedger } from '../../src/ledger/createRunLedger.js';
import type { TextStore } from '../../src/ports.js';
import { FAKE_GRAPH_BASE_URL, FAKE_SHAREPOINT_SITE_URL } from '../fakeTenant/index.js';

const NOW = new Date('2026-11-24T09:00:00Z');

function context(extra: Record<string, string> = {}, store?: TextStore): DoctorContext {
  const env = {
    SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL,
    GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
    STATIC_ACCESS_TOKEN: 'fake-token',
    MAIL_TRANSPORT: 'outbox',
    STATE_DIR: mkdtempSync(join(tmpdir(), 'doctor-')),
    ...extra,
  };
  const ctx = createDoctorContext(env, { clock: { now: () => NOW }, ...(store ? { store } : {}) });
  if ('problems' in ctx) throw new Error(ctx.problems.join('; '));
  return ctx;
}

describe('doctor: schedule', () => {
  it("shows the default schedule's next three runs in REPORT_TIME_ZONE with the month each reports on", () => {
    expect(scheduleCheck(context())).toEqual([
      {
        id: 'schedule',
        status: 'ok',
        title: 'Schedule (REPORT_SCHEDULE)',
        detail:
          '0 0 6 1 * * (UTC): next in Europe/Paris: Tue, 1 Dec 2026, 07:00 (report 2026-12); Fri, 1 Jan 2027, 07:00 (report 2027-01); Mon, 1 Feb 2027, 07:00 (report 2027-02)',
      },
    ]);
  });

  it('shows that 02:30 UTC on the 1st is still the previous month in New York', () => {
    const [line] = scheduleCheck(context({ REPORT_SCHEDULE: '0 30 2 1 * *', REPORT_TIME_ZONE: 'America/New_York' }));
    expect(line?.detail).toContain('next in America/New_York: Mon, 30 Nov 2026, 21:30 (report 2026-11)');
  });

  it.each([
    ['0 0 6 1 *', 'has 5 field(s)'],
    ['0 0 6 L * *', '"L" is not a number'],
    ['06:00:00', 'is a TimeSpan'],
    ['0 0 0 30 2 *', 'never fires'],
  ])('fails "%s" with the reason and the fix', (schedule, reason) => {
    const [line] = scheduleCheck(context({ REPORT_SCHEDULE: schedule }));
    expect(line).toMatchObject({ status: 'fail', detail: expect.stringContaining(reason), fix: expect.stringContaining('0 0 6 1 * *') });
  });

  it('warns when the timer fires more than once a month, and about WEBSITE_TIME_ZONE', () => {
    const lines = scheduleCheck(context({ REPORT_SCHEDULE: '0 0 6 * * *', WEBSITE_TIME_ZONE: 'Romance Standard Time' }));
    expect(lines.map((l) => `${l.id} ${l.status}`)).toEqual(['schedule ok', 'schedule.frequency warn', 'schedule.timeZone warn']);
  });
});

describe('doctor: storage', () => {
  it("takes and releases a lease on its own key, and reads this month's ledger", async () => {
    const store = createLocalTextStore(mkdtempSync(join(tmpdir(), 'doctor-store-')));
    await createRunLedger(store).record('2026-11', { siteCode: 'SIEGE', status: 'sent', at: '2026-11-01T06:01:00Z', runId: 'r1', recipients: ['a@b.fr'] });
    const results = await storageChecks(context({}, store));
    expect(results.map((r) => `${r.id} ${r.status}`)).toEqual(['storage.lease ok', 'storage.ledger ok']);
    expect(results[1]?.detail).toBe('readable; 2026-11: site deliveries 1 sent');
    // Released: anyone can take it again at once.
    const again = await store.tryAcquireLease(DOCTOR_LEASE_KEY, 15);
    expect(again).toBeDefined();
    await again?.release();
  });

  it("never blocks a real run, nor takes a run's lock: a run holding the month stays the holder", async () => {
    const store = createLocalTextStore(mkdtempSync(join(tmpdir(), 'doctor-store-')));
    const ledger = createRunLedger(store, { leaseSeconds: 15 });
    const runLock = await ledger.lock('2026-11', 'run-1');
    const results = await storageChecks(context({}, store));
    expect(results[0]?.status).toBe('ok');
    expect(await store.tryAcquireLease('locks/2026-11', 15)).toBeUndefined();
    await runLock.release();
  });

  it('lets a run lock its month while the doctor holds its own lease', async () => {
    const store = createLocalTextStore(mkdtempSync(join(tmpdir(), 'doctor-store-')));
    const ledger = createRunLedger(store, { leaseSeconds: 15 });
    let runLocked = false;
    const watching: TextStore = {
      ...store,
      get: (key) => store.get(key),
      put: (key, text) => store.put(key, text),
      list: (prefix) => store.list(prefix),
      async tryAcquireLease(key, seconds) {
        const lease = await store.tryAcquireLease(key, seconds);
        if (key === DOCTOR_LEASE_KEY) {
          const runLock = await ledger.lock('2026-11', 'run-during-doctor'); // throws RunInProgressError if blocked
          runLocked = true;
          await runLock.release();
        }
        return lease;
      },
    };
    const [lease] = await storageChecks(context({}, watching));
    expect(lease?.status).toBe('ok');
    expect(runLocked).toBe(true);
  });

  it('warns when another doctor holds its key right now', async () => {
    const store = createLocalTextStore(mkdtempSync(join(tmpdir(), 'doctor-store-')));
    const held = await store.tryAcquireLease(DOCTOR_LEASE_KEY, 15);
    const [lease] = await storageChecks(context({}, store));
    expect(lease).toMatchObject({ status: 'warn', fix: 'run the doctor again in a minute' });
    await held?.release();
  });

  it('fails an unreachable store, naming the role to grant', async () => {
    const broken: TextStore = {
      get: async () => undefined,
      put: async () => undefined,
      list: async () => [],
      tryAcquireLease: async () => {
        throw new Error('Blob storage: acquiring the lease on "locks/doctor-check" failed: 403 AuthorizationPermissionMismatch');
      },
    };
    const [lease] = await storageChecks(context({ AzureWebJobsStorage__accountName: 'stlicreport' }, broken));
    expect(lease).toMatchObject({ status: 'fail', detail: expect.stringContaining('403 AuthorizationPermissionMismatch') });
    expect(lease?.detail).toMatch(/^Blob Storage https:\/\/stlicreport\.blob\.core\.windows\.net \(identity-based\): /);
    expect(lease?.fix).toContain('Storage Blob Data Contributor');
  });
});
