import { partNumberKey, skuIdKey } from '../core/buildPriceIndex.js';
import { parseCsv } from './parseCsv.js';

const COLUMNS = { name: 'productdisplayname', partNumber: 'stringid', skuId: 'guid' } as const;

/**
 * A header cell as a key: the file has written `String_Id`, `String_ Id` (2022 copies) and names
 * with trailing spaces, so case, spaces and underscores do not count.
 */
const columnKey = (header: string): string => header.replace(/[\s_\uFEFF]/g, '').toLowerCase();

/**
 * Microsoft's "Product names and service plan identifiers for licensing" CSV as display names by
 * SKU id (lower case) and by SKU part number (upper case). The file has one row per product and
 * service plan: the first non-empty name of a product wins. Reads every published header form
 * (columnKey). Throws an Error naming the missing columns when the text is not that file (an HTML
 * error page, a moved download).
 */
export function parseProductNamesCsv(text: string): Map<string, string> {
  const [header, ...rows] = parseCsv(text);
  const columns = (header ?? []).map(columnKey);
  const at = (name: string): number => columns.indexOf(name);
  const nameAt = at(COLUMNS.name);
  const partAt = at(COLUMNS.partNumber);
  const idAt = at(COLUMNS.skuId);
  if (nameAt < 0 || (partAt < 0 && idAt < 0)) {
    throw new Error('the product names file has no Product_Display_Name and String_Id/GUID columns');
  }

  const names = new Map<string, string>();
  for (const row of rows) {
    const name = row[nameAt]?.trim();
    if (!name) continue;
    const skuId = idAt < 0 ? '' : skuIdKey(row[idAt] ?? '');
    const partNumber = partAt < 0 ? '' : partNumberKey(row[partAt] ?? '');
    if (skuId && !names.has(skuId)) names.set(skuId, name);
    if (partNumber && !names.has(partNumber)) names.set(partNumber, name);
  }
  if (names.size === 0) throw new Error('the product names file has no product rows');
  return names;
}
