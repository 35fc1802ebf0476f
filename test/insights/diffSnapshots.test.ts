import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../src/insights/diffSnapshots.js';
import { toSiteSnapshot } from '../../src/insights/toSiteSnapshot.js';
import { E3, FEBRUARY, JANUARY, report, row } from './fixtures.js';

const jan = toSiteSnapshot(JANUARY, '2026-01', new Date('2026-01-01T06:00:00Z'));
const feb = toSiteSnapshot(FEBRUARY, '2026-02', new Date('2026-02-01T06:00:00Z'));

describe('diffSnapshots: what changed in a site since its last report', () => {
  const changes = diffSnapshots(jan, feb);

  it('names the month it compares with', () => {
    expect(changes.firstReport).toBe(false);
    expect(changes.previousPeriod).toBe('2026-01');
  });

  it('lists the accounts that arrived, with their licenses and cost', () => {
    expect(changes.arrived).toEqual([
      { userId: 'u-dan', name: 'Dan Roux', email: 'dan.roux@contoso.test', licenses: ['Office 365 E3', 'VISIOCLIENT'], monthlyCostCents: 630 },
    ]);
  });

  it('lists the accounts that left, as they were last month', () => {
    expect(changes.left).toEqual([
      { userId: 'u-carla', name: 'Carla Petit', email: 'carla.petit@contoso.test', licenses: ['Office 365 E1'], monthlyCostCents: 0 },
    ]);
  });

  it('lists licenses added and removed per account, and nothing for unchanged accounts', () => {
    expect(changes.licenseChanges).toEqual([
      {
        userId: 'u-bob',
        name: 'Bob Durand',
        email: 'bob.durand@contoso.test',
        added: ['Microsoft Power Automate Free'],
        removed: ['Power BI Pro'],
        costThenCents: 970,
        costNowCents: 630,
      },
    ]);
  });

  it('gives the monthly cost then, now and the difference', () => {
    expect(changes.costThenCents).toBe(630 + 970 + 0);
    expect(changes.costNowCents).toBe(630 + 630 + 630);
    expect(changes.deltaCents).toBe(1890 - 1600);
  });

  it('says "first report" when the site has no earlier snapshot', () => {
    expect(diffSnapshots(undefined, feb)).toEqual({ firstReport: true, arrived: [], left: [], licenseChanges: [], costNowCents: 1890 });
  });

  it('does not report a renamed account or a relabelled license as a change', () => {
    const before = toSiteSnapshot(report('X', [row('u-1', 'Anne', 'Leroy', [E3])]), '2026-01', new Date());
    const renamed = toSiteSnapshot(report('X', [row('u-1', 'Anne', 'Leroy-Morel', [E3])]), '2026-02', new Date());
    const relabelled = { ...renamed, accounts: renamed.accounts.map((a) => ({ ...a, licenses: [{ skuId: E3.toUpperCase(), label: 'O365 E3 (new name)' }] })) };
    const changes = diffSnapshots(before, relabelled);
    expect(changes.arrived).toEqual([]);
    expect(changes.left).toEqual([]);
    expect(changes.licenseChanges).toEqual([]);
    expect(changes.deltaCents).toBe(0);
  });
});

describe('toSiteSnapshot', () => {
  it('keeps each account with its license ids and labels, and the site total', () => {
    expect(jan).toMatchObject({
      schema: 1,
      period: '2026-01',
      siteCode: 'SIEGE',
      siteName: 'Site SIEGE',
      takenAt: '2026-01-01T06:00:00.000Z',
      monthlyCostCents: 1600,
    });
    expect(jan.accounts[1]).toEqual({
      userId: 'u-bob',
      name: 'Bob Durand',
      email: 'bob.durand@contoso.test',
      licenses: [
        { skuId: E3, label: 'Office 365 E3' },
        { skuId: JANUARY.rows[1]?.licenses[1]?.skuId, label: 'Power BI Pro' },
      ],
      monthlyCostCents: 970,
    });
  });

  it('survives a JSON round trip unchanged (it is stored as JSON)', () => {
    expect(JSON.parse(JSON.stringify(jan))).toEqual(jan);
  });
});
