import { buildPriceIndex, type PriceIndex } from '../core/buildPriceIndex.js';
import { parsePrices } from '../core/parsePrices.js';
import { parseSites } from '../core/parseSites.js';
import { parseSubscribedSkus } from '../core/parseSubscribedSkus.js';
import type { RunWarning, Site, SubscribedSku } from '../types.js';
import { describeError } from '../errors.js';
import type { ServicePlanCatalog } from '../insights/waste/findRedundantLicenses.js';
import { readServicePlans } from '../insights/waste/readServicePlans.js';
import type { RunDeps } from './RunDeps.js';

export interface RunInputs {
  sites: Site[];
  priceIndex: PriceIndex;
  /** The tenant's SKUs with their purchased and assigned seats. */
  skus: SubscribedSku[];
  /** The SKUs' service plans (same /subscribedSkus answer), for redundant licenses. */
  servicePlans: ServicePlanCatalog;
  /** Rows of the two lists that were skipped or ignored. */
  warnings: RunWarning[];
}

const withRowNames = (columns: object): string[] => [...new Set(['Id', 'Title', ...(Object.values(columns) as string[])])];

/**
 * Reads what every site needs, once per run and in parallel: the sites list, the price list and
 * the tenant's SKUs. Throws an Error naming every source that could not be read: without prices
 * or SKU names every report would be wrong, so no report is better than a wrong one.
 */
export async function loadRunInputs(deps: Pick<RunDeps, 'config' | 'lists' | 'directory'>): Promise<RunInputs> {
  const { config } = deps;
  const [siteItems, priceItems, skuItems] = await Promise.allSettled([
    deps.lists.readItems(config.sitesListTitle, withRowNames(config.siteColumns)),
    deps.lists.readItems(config.pricesListTitle, withRowNames(config.priceColumns)),
    deps.directory.listSubscribedSkus(),
  ]);
  const failed: Array<[string, unknown]> = [];
  if (siteItems.status === 'rejected') failed.push([`the sites list "${config.sitesListTitle}"`, siteItems.reason]);
  if (priceItems.status === 'rejected') failed.push([`the price list "${config.pricesListTitle}"`, priceItems.reason]);
  if (skuItems.status === 'rejected') failed.push([`the tenant's licenses (subscribedSkus)`, skuItems.reason]);
  if (siteItems.status === 'rejected' || priceItems.status === 'rejected' || skuItems.status === 'rejected') {
    throw new Error(describeReadFailures(failed));
  }

  const sites = parseSites(siteItems.value, config.siteColumns);
  const prices = parsePrices(priceItems.value, config.priceColumns);
  const skus = parseSubscribedSkus(skuItems.value);
  const plans = readServicePlans(skuItems.value);
  return {
    sites: sites.sites,
    priceIndex: buildPriceIndex(prices.prices, skus),
    skus,
    servicePlans: plans.servicePlans,
    warnings: [...sites.warnings, ...prices.warnings, ...plans.warnings],
  };
}

/**
 * "the sites list "Sites" and the price list "Prices" could not be read: <reason>": sources that failed
 * for the same reason (missing credentials, an unreachable tenant) share one sentence.
 */
function describeReadFailures(failed: ReadonlyArray<[string, unknown]>): string {
  const byReason = new Map<string, string[]>();
  for (const [source, error] of failed) {
    const reason = describeError(error);
    byReason.set(reason, [...(byReason.get(reason) ?? []), source]);
  }
  return [...byReason].map(([reason, sources]) => `${joinWithAnd(sources)} could not be read: ${reason}`).join('; ');
}

function joinWithAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
