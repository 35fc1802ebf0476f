// Which licenses a staff member of the sample association holds, by job title:
// managers on E3, office staff on Business Standard/Premium, field staff on E1
// or Exchange Plan 1, some with nothing, plus free SKUs sprinkled around.
import { SKUS } from './catalog.js';
import type { Prng } from './prng.js';

const MANAGER = /directeur|directrice|chef de service|responsable|psychologue|juriste/i;
const OFFICE = /secrétaire|comptable|paie|ressources humaines|communication|mandataire/i;

export function licensesFor(jobTitle: string | null, prng: Prng): string[] {
  const skus: string[] = [];
  const title = jobTitle ?? '';
  if (MANAGER.test(title)) {
    skus.push(SKUS.ENTERPRISEPACK.skuId);
    if (prng.chance(0.3)) skus.push(SKUS.POWER_BI_PRO.skuId);
  } else if (OFFICE.test(title)) {
    skus.push(prng.chance(0.6) ? SKUS.O365_BUSINESS_PREMIUM.skuId : SKUS.SPB.skuId);
  } else {
    const r = prng.next();
    if (r < 0.6) skus.push(SKUS.STANDARDPACK.skuId);
    else if (r < 0.85) skus.push(SKUS.EXCHANGESTANDARD.skuId);
    // else: no paid license
  }
  if (prng.chance(0.15)) skus.push(SKUS.FLOW_FREE.skuId);
  if (prng.chance(0.1)) skus.push(SKUS.POWER_BI_STANDARD.skuId);
  if (prng.chance(0.04)) skus.push(SKUS.TEAMS_EXPLORATORY.skuId);
  return skus;
}
