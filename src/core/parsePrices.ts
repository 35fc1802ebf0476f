import type { PriceColumns } from '../config/Config.js';
import type { RawRecord } from '../ports.js';
import type { PriceEntry, RunWarning } from '../types.js';
import { describeRow } from './describeRow.js';
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
  const warn = (label: string, rowId: number, text: string, details: Record<string, unknown>): void => {
    warnings.push({ code: 'price-row-ignored', message: `Price list, ${label}: ${text}`, details: { rowId, ...details } });
  };

  items.forEach((item, index) => {
    const { rowId, label } = describeRow(item, index);
    const skuPartNumber = readCell(item[columns.skuPartNumber]);
    let skuId = readCell(item[columns.skuId]);
    if (skuId !== undefined && !isGuid(skuId)) {
      warn(label, rowId, `column "${columns.skuId}" holds "${skuId}", which is not a SKU id (GUID); it is not used to match licenses`, {
        column: columns.skuId,
        value: skuId,
      });
      skuId = undefined;
    }
    if (skuPartNumber === undefined && skuId === undefined) {
      warn(label, rowId, `neither "${columns.skuPartNumber}" nor "${columns.skuId}" is filled in; the row is ignored`, {
        column: columns.skuPartNumber,
      });
      return;
    }

    const rawPrice = item[columns.monthlyPrice];
    const monthlyPriceCents = parsePriceToCents(rawPrice);
    if (monthlyPriceCents === undefined) {
      const shown = rawPrice === undefined || rawPrice === null || rawPrice === '' ? 'nothing' : JSON.stringify(rawPrice);
      warn(label, rowId, `column "${columns.monthlyPrice}" holds ${shown}, which is not a non-negative price with at most two decimals; the row is ignored`, {
        column: columns.monthlyPrice,
        value: rawPrice ?? null,
      });
      return;
    }

    const entry: PriceEntry = {
      rowId,
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
