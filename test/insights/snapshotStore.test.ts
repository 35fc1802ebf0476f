import { describe, expect, it } from 'vitest';
import { snapshotStore } from '../../src/insights/snapshotStore.js';
import { toSiteSnapshot } from '../../src/insights/toSiteSnapshot.js';
import type { RunCosts } from '../../src/insights/types.js';
import { FEBRUARY, JANUARY, memoryStore } from './fixtures.js';

const at = (iso: string) => new Date(iso);
const jan = toSiteSnapshot(JANUARY, '2026-01', at('2026-01-01T06:00:00Z'));
const febFirstRun = toSiteSnapshot(FEBRUARY, '2026-02', at('2026-02-01T06:00:00Z'));

describe('snapshotStore', () => {
  it('returns nothing before the first report', async () => {
    expect(await snapshotStore(memoryStore()).loadPrevious('SIEGE', '2026-01')).toBeUndefined();
  });

  it('gives February the January snapshot', async () => {
    const store = memoryStore();
    const snapshots = snapshotStore(store);
    await snapshots.save(jan);
    expect(await snapshots.loadPrevious('SIEGE', '2026-02')).toEqual(jan);
    expect([...store.files.keys()]).toEqual(['snapshots/sites/SIEGE/2026-01.json']);
  });

  it('on a rerun of February compares with January, not with the February snapshot it already saved', async () => {
    const snapshots = snapshotStore(memoryStore());
    await snapshots.save(jan);
    await snapshots.save(febFirstRun);
    expect((await snapshots.loadPrevious('SIEGE', '2026-02'))?.period).toBe('2026-01');
  });

  it('skips months without a report and never looks into the future', async () => {
    const snapshots = snapshotStore(memoryStore());
    await snapshots.save({ ...jan, period: '2025-10' });
    await snapshots.save({ ...jan, period: '2025-11' });
    await snapshots.save({ ...jan, period: '2026-03' });
    expect((await snapshots.loadPrevious('SIEGE', '2026-02'))?.period).toBe('2025-11');
  });

  it('keeps sites apart, even when one code starts with another', async () => {
    const snapshots = snapshotStore(memoryStore());
    await snapshots.save({ ...jan, siteCode: 'CEP' });
    expect(await snapshots.loadPrevious('CEPSJ', '2026-02')).toBeUndefined();
    expect(await snapshots.loadPrevious('cep', '2026-02')).toBeDefined();
  });

  it('refuses a corrupt snapshot with an error naming the file, rather than reporting everybody as new', async () => {
    const snapshots = snapshotStore(memoryStore({ 'snapshots/sites/SIEGE/2026-01.json': '{"schema":1,"accounts":"oops"}' }));
    await expect(snapshots.loadPrevious('SIEGE', '2026-02')).rejects.toThrow('snapshots/sites/SIEGE/2026-01.json is not a valid site snapshot');
  });

  it('rejects a period that is not YYYY-MM', async () => {
    await expect(snapshotStore(memoryStore()).save({ ...jan, period: '2026-1' })).rejects.toThrow('"YYYY-MM"');
  });

  it('keeps run costs per period and gives the previous one on a rerun', async () => {
    const snapshots = snapshotStore(memoryStore());
    const costs = (period: string): RunCosts => ({
      schema: 1,
      period,
      takenAt: `${period}-01T06:00:00.000Z`,
      bySite: [{ code: 'SIEGE', name: 'Siège', cents: 100 }],
      byLicense: [],
    });
    await snapshots.saveRunCosts(costs('2026-01'));
    await snapshots.saveRunCosts(costs('2026-02'));
    expect(await snapshots.loadPreviousRunCosts('2026-02')).toEqual(costs('2026-01'));
    expect(await snapshots.loadPreviousRunCosts('2026-01')).toBeUndefined();
  });
});
