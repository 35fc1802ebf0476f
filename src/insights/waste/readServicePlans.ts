import type { RawRecord } from '../../ports.js';
import type { RunWarning } from '../../types.js';
import { insightUnavailable } from '../insightUnavailable.js';
import { indexServicePlans, type ServicePlanCatalog } from './findRedundantLicenses.js';
import { parseSkuServicePlans } from './parseSkuServicePlans.js';

/**
 * The tenant's service plans by SKU, from the /subscribedSkus items the run already read (no
 * request of its own). A SKU whose plans cannot be read is left out of the redundancy rule
 * (never called redundant by its plans), with a warning naming it.
 */
export function readServicePlans(rawSkus: readonly RawRecord[]): { servicePlans: ServicePlanCatalog; warnings: RunWarning[] } {
  const { items, skipped } = parseSkuServicePlans(rawSkus);
  const reason = skipped.map((item) => `${item.at}: ${item.reason}`).join('; ');
  const warnings =
    skipped.length === 0
      ? []
      : [insightUnavailable('redundancy', `Redundant licenses: ${skipped.length} service plan entr(ies) of /subscribedSkus could not be read`, reason)];
  return { servicePlans: indexServicePlans(items), warnings };
}
