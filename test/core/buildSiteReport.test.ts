import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from '../../src/core/buildPriceIndex.js';
import { buildSiteReport } from '../../src/core/buildSiteReport.js';
import { centsToAmount } from '../../src/core/money.js';
import { parsePrices } from '../../src/core/parsePrices.js';
import { parseSubscribedSkus } from '../../src/core/parseSubscribedSkus.js';
import type { RawRecord } from '../../src/ports.js';
import type { Site } from '../../src/types.js';
import { correspondentJson, priceRow, SKU, standardPriceRows, subscribedSkuJson, testConfig, userJson } from '../support/testData.js';

const site: Site = { code: 'APF', name: 'APF', membersGroupId: 'g1', correspondentsGroupId: 'g2', rowId: 3 };
const tenantSkus = parseSubscribedSkus(Object.values(SKU).map((sku) => subscribedSkuJson(sku)));
const indexOf = (rows: RawRecord[]) => buildPriceIndex(parsePrices(rows, testConfig().priceColumns).prices, tenantSkus);
const context = { priceIndex: indexOf(standardPriceRows()), locale: 'fr-FR' };

describe('buildSiteReport', () => {
  it('skips and names an account that cannot become a row, and still reports the others (n/m)', () => {
    const good = [userJson({ skus: [SKU.E3] }), userJson({ skus: [SKU.E3] })];
    const broken = { id: 'u-broken', displayName: 'Broken Account', assignedLicenses: 'not a list' };
    const { report, warnings } = buildSiteReport(site, [good[0]!, broken, good[1]!], [correspondentJson(1)], context);
    expect(report.exported).toBe(2);
    expect(report.total).toBe(3);
    expect(report.rows).toHaveLength(2);
    expect(report.skipped).toEqual([{ userId: 'u-broken', name: 'Broken Account', reason: 'user u-broken: assignedLicenses is not a list' }]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'account-skipped', details: { siteCode: 'APF', userId: 'u-broken' } });
    expect(warnings[0]?.message).toContain('APF');
    expect(warnings[0]?.message).toContain('Broken Account');
  });

  it('counts a user listed twice by the directory once', () => {
    const user = userJson({ skus: [SKU.E3] });
    const { report } = buildSiteReport(site, [user, { ...user }], [], context);
    expect([report.exported, report.total]).toEqual([1, 1]);
    expect(report.monthlyCostCents).toBe(630);
  });

  it('sorts rows by last name then first name the way French readers expect', () => {
    const users = [
      userJson({ surname: 'Zola', givenName: 'Émile' }),
      userJson({ surname: 'Égalité', givenName: 'Anne' }),
      userJson({ surname: 'dupuis', givenName: 'Paul' }),
      userJson({ surname: 'Dupont', givenName: 'Marc' }),
      userJson({ surname: 'Dupont', givenName: 'Éric' }),
    ];
    const { report } = buildSiteReport(site, users, [], context);
    expect(report.rows.map((r) => `${r.lastName} ${r.firstName}`)).toEqual(['Dupont Éric', 'Dupont Marc', 'dupuis Paul', 'Égalité Anne', 'Zola Émile']);
  });

  it('mails the correspondents who have an address, each address once', () => {
    const { report } = buildSiteReport(
      site,
      [],
      [correspondentJson(1, 'IT1@contoso.test'), correspondentJson(2, 'it1@CONTOSO.test'), correspondentJson(3, null), correspondentJson(4)],
      context,
    );
    expect(report.correspondents).toEqual([
      { name: 'IT correspondent 1', address: 'IT1@contoso.test' },
      { name: 'IT correspondent 4', address: 'it4@contoso.test' },
    ]);
  });

  it('adds 3 × 0.10 and 0.20 to exactly 0.50', () => {
    const tenSkus = [SKU.FLOW, SKU.PBI];
    const priceIndex = indexOf([priceRow(1, 'Ten cents', 'FLOW_FREE', '0,10'), priceRow(2, 'Twenty cents', 'POWER_BI_STANDARD', 0.2)]);
    const users = [userJson({ skus: [tenSkus[0]!] }), userJson({ skus: [tenSkus[0]!] }), userJson({ skus: [tenSkus[0]!, tenSkus[1]!] })];
    const { report } = buildSiteReport(site, users, [], { priceIndex, locale: 'fr-FR' });
    expect(report.monthlyCostCents).toBe(50);
    expect(centsToAmount(report.monthlyCostCents)).toBe(0.5);
  });

  it('totals 540 accounts at 6.30 to exactly 3402.00', () => {
    const users = Array.from({ length: 540 }, () => userJson({ skus: [SKU.E3] }));
    const { report } = buildSiteReport(site, users, [], context);
    expect(report.monthlyCostCents).toBe(340_200);
    expect(centsToAmount(report.monthlyCostCents)).toBe(3402);
  });

  it('leaves N/A licenses out of the site total', () => {
    const users = [userJson({ skus: [SKU.E3, SKU.VISIO] }), userJson({ skus: [SKU.PROJECT] }), userJson({ skus: [] })];
    const { report } = buildSiteReport(site, users, [], context);
    expect(report.monthlyCostCents).toBe(630);
    expect(report.rows.map((r) => r.monthlyCostCents).sort()).toEqual([0, 0, 630]);
  });
});
