// The rows of both lists through the run's own parsers: what a run would skip, and why.
import { partNumberKey, skuIdKey } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { ListSpec } from '../setup/listSchema.js';
import type { RunWarning } from '../types.js';
import { readPrices, readSites, readSkus, type DoctorContext } from './doctorContext.js';
import { result, type CheckResult } from './runDoctor.js';

const MAX_ROW_LINES = 10;
const FIX_ROW = 'correct the row in the list (a run skips it and names it in the summary)';

const names = (values: readonly string[], max = 8): string => (values.length > max ? `${values.slice(0, max).join(', ')}…` : values.join(', '));

export async function rowChecks(ctx: DoctorContext, spec: ListSpec): Promise<CheckResult[]> {
  const id = `sharepoint.rows.${spec.title}`;
  const title = `Rows of "${spec.title}"`;
  try {
    return spec.titleSetting === 'SITES_LIST_TITLE' ? await siteRows(ctx, id, title, spec) : await priceRows(ctx, id, title, spec);
  } catch (error) {
    return [result(id, 'fail', title, `cannot be read: ${describeError(error)}`)];
  }
}

async function siteRows(ctx: DoctorContext, id: string, title: string, spec: ListSpec): Promise<CheckResult[]> {
  const { sites, warnings } = await readSites(ctx);
  const head =
    sites.length === 0
      ? result(
          id,
          'fail',
          title,
          'no active site: a run would report on nothing',
          `add one row per site: ${spec.columns.map((c) => c.internalName).join(', ')}`,
        )
      : result(id, 'ok', title, `${sites.length} active site(s): ${names(sites.map((s) => s.code))}`);
  return [head, ...skipped(spec, warnings)];
}

async function priceRows(ctx: DoctorContext, id: string, title: string, spec: ListSpec): Promise<CheckResult[]> {
  const { prices, warnings } = await readPrices(ctx);
  const out = [
    prices.length === 0
      ? result(
          id,
          'warn',
          title,
          'no usable price: every license shows N/A',
          'npm run setup -- lists --prefill-prices adds one row per license of the tenant; then fill in the prices',
        )
      : result(id, 'ok', title, `${prices.length} price(s)`),
    ...skipped(spec, warnings),
  ];
  // The tenant's licenses in use that no row prices (the run's "unpriced" warning, before the run).
  const skus = await readSkus(ctx).catch(() => undefined); // unreadable SKUs are the Graph check's finding
  if (skus && prices.length > 0) {
    const ids = new Set(prices.flatMap((p) => (p.skuId ? [skuIdKey(p.skuId)] : [])));
    const parts = new Set(prices.map((p) => partNumberKey(p.skuPartNumber)));
    const unpriced = skus.filter((s) => s.consumedUnits > 0 && !ids.has(skuIdKey(s.skuId)) && !parts.has(partNumberKey(s.skuPartNumber)));
    if (unpriced.length > 0) {
      const detail = `${unpriced.length} license(s) in use have no price row and will show N/A: ${names(
        unpriced.map((s) => s.skuPartNumber || s.skuId),
        12,
      )}`;
      out.push(
        result(
          `${id}.unpriced`,
          'warn',
          `Prices in "${spec.title}"`,
          detail,
          'add a row per license (SkuPartNumber and MonthlyPrice), or npm run setup -- lists --prefill-prices',
        ),
      );
    }
  }
  return out;
}

/** One line per row a run would skip (at most ten, then a count). */
function skipped(spec: ListSpec, warnings: readonly RunWarning[]): CheckResult[] {
  const lines = warnings.slice(0, MAX_ROW_LINES).map((warning, index) => {
    const given = warning.details?.['rowId'];
    const rowId = typeof given === 'string' || typeof given === 'number' ? given : index + 1;
    return result(`sharepoint.row.${spec.title}.${String(rowId)}`, 'warn', `Row ${String(rowId)} of "${spec.title}"`, warning.message, FIX_ROW);
  });
  if (warnings.length > MAX_ROW_LINES) {
    lines.push(
      result(
        `sharepoint.row.${spec.title}.more`,
        'warn',
        `Rows of "${spec.title}"`,
        `${warnings.length - MAX_ROW_LINES} more row(s) would be skipped (a dry run lists them all)`,
        FIX_ROW,
      ),
    );
  }
  return lines;
}
