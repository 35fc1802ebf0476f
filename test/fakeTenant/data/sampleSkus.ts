// subscribedSkus of the sample tenant: prepaid seats = consumed + idle seats,
// with idle seats on some paid SKUs (money spent on nobody) and the large
// pools Microsoft gives free SKUs.
import type { FakeSku, FakeUser } from '../types.js';
import { SKUS, type SkuKey } from './catalog.js';

const IDLE: Record<SkuKey, number> = {
  ENTERPRISEPACK: 5,
  STANDARDPACK: 20,
  SPB: 0,
  O365_BUSINESS_PREMIUM: 3,
  O365_BUSINESS: 2,
  EXCHANGESTANDARD: 4,
  POWER_BI_PRO: 0,
  POWER_BI_STANDARD: 1_000_000,
  FLOW_FREE: 10_000,
  TEAMS_EXPLORATORY: 0,
  VISIOCLIENT: 1,
  PROJECTPROFESSIONAL: 0,
};

export function sampleSkus(users: readonly FakeUser[]): FakeSku[] {
  const consumed = new Map<string, number>();
  for (const user of users) for (const l of user.assignedLicenses) consumed.set(l.skuId, (consumed.get(l.skuId) ?? 0) + 1);
  return (Object.keys(SKUS) as SkuKey[]).map((key) => {
    const sku = SKUS[key];
    const used = consumed.get(sku.skuId) ?? 0;
    const prepaid = key === 'POWER_BI_STANDARD' || key === 'FLOW_FREE' ? IDLE[key] : used + IDLE[key];
    return {
      skuId: sku.skuId,
      skuPartNumber: sku.skuPartNumber,
      displayName: sku.displayName,
      prepaidUnits: prepaid,
      capabilityStatus: 'Enabled',
      servicePlans: sku.servicePlans.map((p) => ({ ...p })),
    };
  });
}
