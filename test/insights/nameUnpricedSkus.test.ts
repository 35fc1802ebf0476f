import { describe, expect, it } from 'vitest';
import { nameUnpricedSkus } from '../../src/insights/nameUnpricedSkus.js';
import type { RunWarning } from '../../src/types.js';

const unpriced = (sku: string, skuId: string): RunWarning => ({
  code: 'unpriced-sku',
  message: `License ${sku} has no row in the price list: shown as N/A for 3 accounts`,
  details: { sku, skuId, accounts: 3 },
});
const names = new Map([
  ['c5928f49-12ba-48f7-ada3-0d743a3601d5', 'Visio Plan 2'],
  ['ENTERPRISEPACK', 'Office 365 E3'],
]);

describe('nameUnpricedSkus', () => {
  it("puts Microsoft's product name beside the technical name IT must type in the price list", () => {
    const [named] = nameUnpricedSkus([unpriced('VISIOCLIENT', 'c5928f49-12ba-48f7-ada3-0d743a3601d5')], names);
    expect(named?.message).toBe('License VISIOCLIENT (Visio Plan 2) has no row in the price list: shown as N/A for 3 accounts');
    expect(named?.details?.['productName']).toBe('Visio Plan 2');
  });

  it('finds the name by part number when the SKU id is unknown to the CSV', () => {
    const [named] = nameUnpricedSkus([unpriced('ENTERPRISEPACK', '00000000-0000-0000-0000-000000000000')], names);
    expect(named?.message).toContain('License ENTERPRISEPACK (Office 365 E3) has no row');
  });

  it('leaves the warning as it is when Microsoft does not name the SKU, and other warnings alone', () => {
    const other: RunWarning = { code: 'duplicate-price-rows', message: 'License X matches 2 price rows', details: { sku: 'ENTERPRISEPACK' } };
    const unknown = unpriced('CUSTOMSKU', '11111111-1111-1111-1111-111111111111');
    expect(nameUnpricedSkus([unknown, other], names)).toEqual([unknown, other]);
  });
});
