import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from '../../src/core/buildPriceIndex.js';
import { buildSiteReport } from '../../src/core/buildSiteReport.js';
import { licenseMatchWarnings } from '../../src/core/licenseMatchWarnings.js';
import { parsePrices } from '../../src/core/parsePrices.js';
import { parseSubscribedSkus } from '../../src/core/parseSubscribedSkus.js';
import type { Site } from '../../src/types.js';
import { SKU, standardPriceRows, subscribedSkuJson, testConfig, userJson } from '../support/testData.js';

const priceIndex = buildPriceIndex(
  parsePrices(standardPriceRows(), testConfig().priceColumns).prices,
  parseSubscribedSkus(Object.values(SKU).map((sku) => subscribedSkuJson(sku))),
);
const siteOf = (code: string): Site => ({ code, name: code, membersGroupId: 'g', correspondentsGroupId: 'c', rowId: 1 });

describe('licenseMatchWarnings', () => {
  const shared = userJson({ skus: [SKU.VISIO, SKU.E3] });
  const a = buildSiteReport(siteOf('A'), [shared, userJson({ skus: [SKU.VISIO] }), userJson({ skus: [SKU.PROJECT] })], [], { priceIndex, locale: 'fr-FR' });
  const b = buildSiteReport(siteOf('B'), [shared, userJson({ skus: [SKU.VISIO, SKU.PROJECT] })], [], { priceIndex, locale: 'fr-FR' });
  const warnings = licenseMatchWarnings([a.report, b.report], priceIndex);

  it('reports each unpriced license once, with the accounts that hold it across the run', () => {
    const unpriced = warnings.filter((w) => w.code === 'unpriced-sku');
    expect(unpriced).toHaveLength(1);
    // `shared` belongs to both sites and counts once.
    expect(unpriced[0]?.details).toMatchObject({ sku: 'VISIOCLIENT', accounts: 3 });
    expect(unpriced[0]?.message).toContain('VISIOCLIENT');
    expect(unpriced[0]?.message).toContain('3 accounts');
  });

  it('names the duplicate price rows by id and name', () => {
    const duplicate = warnings.find((w) => w.code === 'duplicate-price-rows');
    expect(duplicate?.details).toMatchObject({
      sku: 'PROJECTPROFESSIONAL',
      accounts: 2,
      rows: [
        { rowId: 4, name: 'Project Plan 3' },
        { rowId: 5, name: 'Project Plan 3 (old)' },
      ],
    });
    expect(duplicate?.message).toContain('Id 4 "Project Plan 3"');
    expect(duplicate?.message).toContain('Id 5 "Project Plan 3 (old)"');
  });

  it('says nothing about licenses that are priced', () => {
    expect(warnings.map((w) => w.details?.['sku'])).not.toContain('ENTERPRISEPACK');
  });
});
