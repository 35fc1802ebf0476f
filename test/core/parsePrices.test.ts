import { describe, expect, it } from 'vitest';
import { parsePrices } from '../../src/core/parsePrices.js';
import { priceRow, SKU, testConfig } from '../support/testData.js';

const columns = testConfig().priceColumns;

describe('parsePrices', () => {
  it.each([
    ['a JSON number', 6.3, 630],
    ['a decimal comma', '25,30', 2530],
    ['a decimal point', '25.30', 2530],
    ['one decimal', '6,3', 630],
    ['a whole number', '12', 1200],
    ['zero', 0, 0],
    ['a currency sign and a thousands space', '1 234,50 €', 123450],
  ])('reads a price written as %s', (_label, value, cents) => {
    const { prices, warnings } = parsePrices([priceRow(1, 'Office 365 E3', 'ENTERPRISEPACK', value)], columns);
    expect(warnings).toEqual([]);
    expect(prices[0]?.monthlyPriceCents).toBe(cents);
  });

  it.each([
    ['negative', -1],
    ['unreadable text', 'six euros'],
    ['three decimals', '6.305'],
    ['empty', ''],
    ['missing', null],
  ])('ignores a row whose price is %s, with a warning naming the row and the value', (_label, value) => {
    const { prices, warnings } = parsePrices([priceRow(8, 'Visio Plan 2', 'VISIOCLIENT', value)], columns);
    expect(prices).toEqual([]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.code).toBe('price-row-ignored');
    expect(warnings[0]?.message).toContain('row Id 8 "Visio Plan 2"');
    expect(warnings[0]?.message).toContain('"MonthlyPrice"');
    expect(warnings[0]?.details).toMatchObject({ rowId: 8, column: 'MonthlyPrice', value: value === '' ? '' : value });
  });

  it('shows the unreadable value in the warning', () => {
    const { warnings } = parsePrices([priceRow(8, 'Visio', 'VISIOCLIENT', 'six euros')], columns);
    expect(warnings[0]?.message).toContain('"six euros"');
  });

  it('keeps a SkuId that is a GUID and trims the part number', () => {
    const { prices } = parsePrices([priceRow(1, 'Office 365 E3', ' ENTERPRISEPACK ', 6.3, SKU.E3.skuId)], columns);
    expect(prices).toEqual([{ rowId: 1, commercialName: 'Office 365 E3', skuPartNumber: 'ENTERPRISEPACK', skuId: SKU.E3.skuId, monthlyPriceCents: 630 }]);
  });

  it('warns about a SkuId that is not a GUID and still prices the row by its part number', () => {
    const { prices, warnings } = parsePrices([priceRow(2, 'Office 365 E3', 'ENTERPRISEPACK', 6.3, 'E3')], columns);
    expect(prices).toHaveLength(1);
    expect(prices[0]?.skuId).toBeUndefined();
    expect(warnings[0]?.message).toContain('row Id 2');
    expect(warnings[0]?.message).toContain('"SkuId"');
    expect(warnings[0]?.message).toContain('"E3"');
  });

  it('ignores a row with neither part number nor SkuId', () => {
    const { prices, warnings } = parsePrices([priceRow(3, 'Mystery', null, 5)], columns);
    expect(prices).toEqual([]);
    expect(warnings[0]?.message).toContain('row Id 3 "Mystery"');
    expect(warnings[0]?.message).toContain('"SkuPartNumber"');
  });

  it('accepts a row priced by SkuId alone', () => {
    const { prices, warnings } = parsePrices([priceRow(4, 'Project Plan 3', null, 25.3, SKU.PROJECT.skuId)], columns);
    expect(warnings).toEqual([]);
    expect(prices[0]).toMatchObject({ skuPartNumber: '', skuId: SKU.PROJECT.skuId, monthlyPriceCents: 2530 });
  });
});
