// GET /msdownload/product-names.csv: the layout of Microsoft's "Product names and
// service plan identifiers for licensing" CSV (UTF-8 with BOM, one row per product
// and service plan), built from the tenant's own SKUs so no Microsoft file is copied.
import type { FakeSku } from './types.js';
import { stableGuid } from './sharepoint/format.js';

const HEADER = ['Product_Display_Name', 'String_Id', 'GUID', 'Service_Plan_Name', 'Service_Plan_Id', 'Service_Plans_Included_Friendly_Names'];

/** RFC 4180 quoting: only when the value holds a comma, a quote or a line break. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function productNamesCsv(skus: readonly FakeSku[]): string {
  const lines = [HEADER.join(',')];
  for (const sku of skus) {
    const plans = sku.servicePlans?.length
      ? sku.servicePlans
      : [{ servicePlanId: stableGuid(`plan:${sku.skuPartNumber}`), servicePlanName: `${sku.skuPartNumber}_PLAN`, friendlyName: sku.displayName }];
    for (const plan of plans) {
      lines.push([sku.displayName, sku.skuPartNumber, sku.skuId, plan.servicePlanName, plan.servicePlanId, plan.friendlyName].map(csvField).join(','));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export function productNamesResponse(skus: readonly FakeSku[]): Response {
  return new Response(productNamesCsv(skus), {
    status: 200,
    headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="Product names and service plan identifiers for licensing.csv"' },
  });
}
