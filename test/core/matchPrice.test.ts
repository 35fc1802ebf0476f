import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from '../../src/core/buildPriceIndex.js';
import { joinLicenses } from '../../src/core/joinLicenses.js';
import { matchPrice } from '../../src/core/matchPrice.js';
import type { PriceEntry, SubscribedSku } from '../../src/types.js';
import { guid } from '../support/guid.js';
import { SKU } from '../support/testData.js';

const tenantSku = (sku: { skuId: string; skuPartNumber: string }): SubscribedSku => ({
  ...sku,
  prepaidEnabled: 10,
  consumedUnits: 1,
  capabilityStatus: 'Enabled',
});
const price = (rowId: number, commercialName: string, skuPartNumber: string, cents: number, skuId?: string): PriceEntry => ({
  rowId,
  commercialName,
  skuPartNumber,
  monthlyPriceCents: cents,
  ...(skuId ? { skuId } : {}),
});
const TENANT = [tenantSku(SKU.E3), tenantSku(SKU.PBI), tenantSku(SKU.PROJECT), tenantSku(SKU.VISIO)];
const RETIRED_SKU = guid(77, 'deadbeef');

describe('the join of a license with the price list', () => {
  it.each([
    {
      rule: 'exactly one row with the SKU part number: its commercial name and price',
      prices: [price(1, 'Office 365 E3', 'ENTERPRISEPACK', 630)],
      skuId: SKU.E3.skuId,
      expected: { label: 'Office 365 E3', monthlyPriceCents: 630, match: 'priced', rows: [1] },
    },
    {
      rule: 'the part number matches whatever its case and surrounding spaces',
      prices: [price(1, 'Office 365 E3', ' enterprisePack ', 630)],
      skuId: SKU.E3.skuId,
      expected: { label: 'Office 365 E3', monthlyPriceCents: 630, match: 'priced', rows: [1] },
    },
    {
      rule: 'a free license is priced at 0, not N/A',
      prices: [price(2, 'Power BI (free)', 'POWER_BI_STANDARD', 0)],
      skuId: SKU.PBI.skuId,
      expected: { label: 'Power BI (free)', monthlyPriceCents: 0, match: 'priced', rows: [2] },
    },
    {
      rule: 'a row carrying the SkuId wins over rows with the part number',
      prices: [price(4, 'Project Plan 3', 'PROJECTPROFESSIONAL', 2530), price(5, 'Project Plan 3 (EDU)', 'PROJECTPROFESSIONAL', 1200, SKU.PROJECT.skuId)],
      skuId: SKU.PROJECT.skuId,
      expected: { label: 'Project Plan 3 (EDU)', monthlyPriceCents: 1200, match: 'priced', rows: [5] },
    },
    {
      rule: 'the SkuId matches whatever its case',
      prices: [price(5, 'Project Plan 3', '', 2530, SKU.PROJECT.skuId.toUpperCase())],
      skuId: SKU.PROJECT.skuId,
      expected: { label: 'Project Plan 3', monthlyPriceCents: 2530, match: 'priced', rows: [5] },
    },
    {
      rule: 'a SkuId row prices a SKU the tenant no longer lists',
      prices: [price(6, 'Old plan', 'OLDPLAN', 100, RETIRED_SKU)],
      skuId: RETIRED_SKU,
      expected: { label: 'Old plan', monthlyPriceCents: 100, match: 'priced', rows: [6] },
    },
    {
      rule: 'no row: the technical name and N/A',
      prices: [price(1, 'Office 365 E3', 'ENTERPRISEPACK', 630)],
      skuId: SKU.VISIO.skuId,
      expected: { label: 'VISIOCLIENT', monthlyPriceCents: null, match: 'unpriced', rows: [] },
    },
    {
      rule: 'a SKU the tenant no longer knows and no SkuId row: the SKU id and N/A',
      prices: [price(1, 'Office 365 E3', 'ENTERPRISEPACK', 630)],
      skuId: RETIRED_SKU,
      expected: { label: RETIRED_SKU, monthlyPriceCents: null, match: 'unpriced', rows: [] },
    },
    {
      rule: 'several rows with the part number: the technical name and N/A',
      prices: [price(4, 'Project Plan 3', 'PROJECTPROFESSIONAL', 2530), price(5, 'Project Plan 3 (old)', 'projectprofessional', 2800)],
      skuId: SKU.PROJECT.skuId,
      expected: { label: 'PROJECTPROFESSIONAL', monthlyPriceCents: null, match: 'duplicate', rows: [4, 5] },
    },
    {
      rule: 'several rows carrying the SkuId: the technical name and N/A',
      prices: [price(7, 'E3 a', '', 630, SKU.E3.skuId), price(8, 'E3 b', 'ENTERPRISEPACK', 700, SKU.E3.skuId)],
      skuId: SKU.E3.skuId,
      expected: { label: 'ENTERPRISEPACK', monthlyPriceCents: null, match: 'duplicate', rows: [7, 8] },
    },
  ])('$rule', ({ prices, skuId, expected }) => {
    const result = matchPrice(buildPriceIndex(prices, TENANT), skuId);
    expect({
      label: result.label,
      monthlyPriceCents: result.monthlyPriceCents,
      match: result.match,
      rows: result.rows.map((row) => row.rowId),
    }).toEqual(expected);
  });

  it('keeps the tenant part number on every line, or null when the tenant no longer knows the SKU', () => {
    const index = buildPriceIndex([price(1, 'Office 365 E3', 'ENTERPRISEPACK', 630)], TENANT);
    expect(matchPrice(index, SKU.E3.skuId).skuPartNumber).toBe('ENTERPRISEPACK');
    expect(matchPrice(index, RETIRED_SKU).skuPartNumber).toBeNull();
  });

  it('lists an account’s licenses sorted by label in the report language', () => {
    const index = buildPriceIndex([price(1, 'Office 365 E3', 'ENTERPRISEPACK', 630), price(2, 'énergie plan', 'POWER_BI_STANDARD', 0)], TENANT);
    const lines = joinLicenses([SKU.VISIO.skuId, SKU.PBI.skuId, SKU.E3.skuId], index, new Intl.Collator('fr-FR'));
    expect(lines.map((line) => line.label)).toEqual(['énergie plan', 'Office 365 E3', 'VISIOCLIENT']);
    expect(lines.map((line) => line.skuId)).toEqual([SKU.PBI.skuId, SKU.E3.skuId, SKU.VISIO.skuId]);
  });
});
