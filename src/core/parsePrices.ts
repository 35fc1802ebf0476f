import type { PriceColumns } from '../config/Config.js';
import type { RawRecord } from '../ports.js';
import type { PriceEntry, RunWarning } from '../types.js';
import { describeRow, type RowIdentity } from './describeRow.js';
import { isGuid } from './isGuid.js';
import { parsePriceToCents } from './money.js';
import { readCell } from './readCell.js';

/**
 * Validates the price list. A row that cannot price anything (no SKU, unreadable or negative
 * price) is ignored with a warning naming the row and the value; the licenses it would have
 * priced then show "N/A" instead of a wrong amount.
 */
export function parsePrices(items: RawRecord[], columns: PriceColumns): { prices: PriceEntry[]; warnings: RunWarning[] } {
  const prices: PriceEntry[] = [];
  const warnings: RunWarning[] = [];
  // details: `field` and `problem` let the summary say it in the reader's language.
  const warn = (row: RowIdentity, text: string, details: Record<string, unknown>): void => {
    const rowTitle = row.title === undefined ? {} : { rowTitle: row.title };
    warnings.push({ code: 'price-row-ignored', message: `Price list, ${row.label}: ${text}`, details: { rowId: row.rowId, ...rowTitle, ...details } });
  };

  items.forEach((item, index) => {
    const row = describeRow(item, index);
    const skuPartNumber = readCell(item[columns.skuPartNumber]);
    let skuId = readCell(item[columns.skuId]);
    if (skuId !== undefined && !isGuid(skuId)) {
      warn(row, `column "${columns.skuId}" holds "${skuId}", which is not a SKU id (GUID); it is not used to match licenses`, {
        field: 'skuId',
        problem: 'not-a-guid',
        column: columns.skuId,
        value: skuId,
      });
      skuId = undefined;
    }
    if (skuPartNumber === undefined && skuId === undefined) {
      warn(row, `neither "${columns.skuPartNumber}" nor "${columns.skuId}" is filled in; the row is ignored`, {
        field: 'skuPartNumber',
        problem: 'no-sku',
        column: columns.skuPartNumber,
      });
      return;
    }

    const rawPrice = item[columns.monthlyPrice];
    const monthlyPriceCents = parsePriceToCents(rawPrice);
    if (monthlyPriceCents === undefined) {
      const shown = rawPrice === undefined || rawPrice === null || rawPrice === '' ? 'nothing' : JSON.stringify(rawPrice);
      warn(row, `column "${columns.monthlyPrice}" holds ${shown}, which is not a non-negative price with at most two decimals; the row is ignored`, {
        field: 'monthlyPrice',
        problem: shown === 'nothing' ? 'empty' : 'not-a-price',
        column: columns.monthlyPrice,
        value: rawPrice ?? null,
      });
      return;
    }

    const entry: PriceEntry = {
      rowId: row.rowId,
      // A row without a commercial name still prices its SKU; the technical name stands in.
      commercialName: readCell(item[columns.commercialName]) ?? skuPartNumber ?? (skuId as string),
      skuPartNumber: skuPartNumber ?? '',
      monthlyPriceCents,
    };
    if (skuId !== undefined) entry.skuId = skuId;
    prices.push(entry);
  });
  return { prices, warnings };
}
