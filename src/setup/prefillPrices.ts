import type { Config } from '../config/Config.js';
import { describeError } from '../errors.js';
import { parseSubscribedSkus } from '../core/parseSubscribedSkus.js';
import { parseProductNamesCsv } from '../insights/parseProductNamesCsv.js';
import type { RawRecord } from '../ports.js';
import { planPricePrefill } from './planPricePrefill.js';
import type { SharePointAdmin } from './sharePointAdmin.js';

export interface PrefillOutcome {
  skus: number;
  alreadyListed: number;
  added: RawRecord[];
  /** Why Microsoft's product names could not be used (the part numbers stand in). */
  namesError?: string;
}

type PrefillConfig = Pick<Config, 'graphBaseUrl' | 'pricesListTitle' | 'priceColumns' | 'productNamesUrl' | 'requestTimeoutMs'>;

/** Adds a price row, price empty, for each tenant SKU the price list does not mention yet. */
export async function prefillPrices(
  config: PrefillConfig,
  sharePoint: SharePointAdmin,
  graphToken: string,
  send: typeof fetch = fetch,
): Promise<PrefillOutcome> {
  const signal = (): AbortSignal => AbortSignal.timeout(config.requestTimeoutMs);
  const response = await send(`${config.graphBaseUrl}/subscribedSkus?$select=skuId,skuPartNumber`, {
    headers: { Authorization: `Bearer ${graphToken}`, Accept: 'application/json' },
    signal: signal(),
  });
  if (!response.ok) throw new Error(`reading the tenant's licenses (GET /subscribedSkus): HTTP ${response.status}`);
  const skus = parseSubscribedSkus(((await response.json()) as { value: RawRecord[] }).value);

  let names: ReadonlyMap<string, string> = new Map();
  let namesError: string | undefined;
  if (config.productNamesUrl) {
    try {
      const csv = await send(config.productNamesUrl, { signal: signal() });
      if (!csv.ok) throw new Error(`HTTP ${csv.status}`);
      names = parseProductNamesCsv(await csv.text());
    } catch (error) {
      namesError = describeError(error);
    }
  }

  const columns = config.priceColumns;
  const existing = await sharePoint.listItems(config.pricesListTitle, [columns.skuPartNumber, columns.skuId]);
  const plan = planPricePrefill(skus, existing, columns, names);
  for (const row of plan.rows) await sharePoint.addItem(config.pricesListTitle, row);
  return { skus: skus.length, alreadyListed: plan.alreadyListed, added: plan.rows, ...(namesError ? { namesError } : {}) };
}
