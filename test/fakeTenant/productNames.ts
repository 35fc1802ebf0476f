// GET /msdownload/product-names.csv: the layout of Microsoft's "Product names and service plan
// identifiers for licensing" CSV (one row per product and service plan), built from the tenant's
// own SKUs so no Microsoft file is copied. Two published forms (platform facts, "Learned from real
// Microsoft data"): today's, UTF-8 with BOM; copies of 2022, with the header `String_ Id` (a space),
// trailing spaces after values, and Windows-1252 without BOM. The fake serves bytes.
import type { FakeSku } from './types.js';
import { stableGuid } from './sharepoint/format.js';

export type ProductNamesForm = 'current' | '2022';

const HEADER = ['Product_Display_Name', 'String_Id', 'GUID', 'Service_Plan_Name', 'Service_Plan_Id', 'Service_Plans_Included_Friendly_Names'];
const HEADER_2022 = ['Product_Display_Name', 'String_ Id', 'GUID', 'Service_Plan_Name', 'Service_Plan_Id', 'Service_Plans_Included_Friendly_Names'];

/** RFC 4180 quoting: only when the value holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The file as text (the BOM included for today's form). */
export function productNamesCsv(skus: readonly FakeSku[], form: ProductNamesForm = 'current'): string {
  const old = form === '2022';
  const lines = [(old ? HEADER_2022 : HEADER).join(',')];
  for (const sku of skus) {
    const plans = sku.servicePlans?.length
      ? sku.servicePlans
      : [{ servicePlanId: stableGuid(`plan:${sku.skuPartNumber}`), servicePlanName: `${sku.skuPartNumber}_PLAN`, friendlyName: sku.displayName }];
    for (const plan of plans) {
      const cells = [sku.displayName, sku.skuPartNumber, sku.skuId, plan.servicePlanName, plan.servicePlanId, plan.friendlyName];
      // The 2022 copies left a space after names and part numbers.
      const values = old ? cells.map((cell, i) => (i < 2 ? `${cell} ` : cell)) : cells;
      lines.push(values.map(csvField).join(','));
    }
  }
  return (old ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}

/** Windows-1252's characters at 0x80..0x9F (the rest of 0x00..0xFF is Latin-1). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Text as Windows-1252 bytes; characters it cannot hold become '?', as Windows does. */
export function toWindows1252(text: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(text.length);
  let n = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    const high = CP1252_HIGH.indexOf(char);
    bytes[n++] = high >= 0 ? 0x80 + high : code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 63;
  }
  return bytes.slice(0, n);
}

/** The download as bytes: UTF-8 with BOM today, Windows-1252 without BOM for the 2022 form. */
export function productNamesBytes(skus: readonly FakeSku[], form: ProductNamesForm = 'current'): Uint8Array<ArrayBuffer> {
  const text = productNamesCsv(skus, form);
  return form === '2022' ? toWindows1252(text) : new TextEncoder().encode(text);
}

export function productNamesResponse(skus: readonly FakeSku[], form: ProductNamesForm = 'current'): Response {
  // The 2022 download declared no charset: a client must not trust the header to decode it.
  const type = form === '2022' ? 'text/csv' : 'text/csv; charset=utf-8';
  return new Response(productNamesBytes(skus, form), {
    status: 200,
    headers: { 'Content-Type': type, 'Content-Disposition': 'attachment; filename="Product names and service plan identifiers for licensing.csv"' },
  });
}
