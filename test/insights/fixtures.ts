// Plain data for the insights tests: two consecutive months of a small tenant, priced with the
// core's own join (buildPriceIndex) so the figures are the ones the site mails show.
import { buildPriceIndex } from '../../src/core/buildPriceIndex.js';
import { createPriceLookup } from '../../src/insights/createPriceLookup.js';
import type { RawRecord } from '../../src/ports.js';
import type { AccountRow, PriceEntry, SiteReport, SubscribedSku } from '../../src/types.js';
import { SKUS } from '../fakeTenant/data/catalog.js';

export { SKUS };
export const E3 = SKUS.ENTERPRISEPACK.skuId;
export const E1 = SKUS.STANDARDPACK.skuId;
export const BI_PRO = SKUS.POWER_BI_PRO.skuId;
export const FLOW_FREE = SKUS.FLOW_FREE.skuId;
export const VISIO = SKUS.VISIOCLIENT.skuId;
export const PROJECT = SKUS.PROJECTPROFESSIONAL.skuId;

export const PRICES: PriceEntry[] = [
  { rowId: 1, commercialName: 'Office 365 E3', skuPartNumber: 'ENTERPRISEPACK', skuId: E3, monthlyPriceCents: 630 },
  { rowId: 2, commercialName: 'Office 365 E1', skuPartNumber: 'STANDARDPACK', monthlyPriceCents: 0 },
  { rowId: 3, commercialName: 'Power BI Pro', skuPartNumber: 'POWER_BI_PRO', monthlyPriceCents: 340 },
  { rowId: 4, commercialName: 'Microsoft Power Automate Free', skuPartNumber: 'FLOW_FREE', monthlyPriceCents: 0 },
  // Two rows for one SKU: the join gives "N/A".
  { rowId: 5, commercialName: 'Project Plan 3', skuPartNumber: 'PROJECTPROFESSIONAL', monthlyPriceCents: 920 },
  { rowId: 6, commercialName: 'Project Online Professional', skuPartNumber: 'PROJECTPROFESSIONAL', monthlyPriceCents: 2530 },
  // VISIOCLIENT: no row at all.
];

export const sku = (key: keyof typeof SKUS, prepaidEnabled: number, consumedUnits: number): SubscribedSku => ({
  skuId: SKUS[key].skuId,
  skuPartNumber: SKUS[key].skuPartNumber,
  prepaidEnabled,
  consumedUnits,
  capabilityStatus: 'Enabled',
});

export const SUBSCRIBED: SubscribedSku[] = [
  sku('ENTERPRISEPACK', 10, 6),
  sku('STANDARDPACK', 20, 2),
  sku('POWER_BI_PRO', 5, 5),
  sku('FLOW_FREE', 10000, 3),
  sku('VISIOCLIENT', 3, 1),
  sku('PROJECTPROFESSIONAL', 2, 0),
];

export const priceIndex = buildPriceIndex(PRICES, SUBSCRIBED);
export const lookup = createPriceLookup(priceIndex, new Map());

export function row(userId: string, firstName: string, lastName: string, skuIds: string[], flags: { disabled?: boolean; guest?: boolean } = {}): AccountRow {
  const licenses = skuIds.map((skuId) => ({ skuId, ...lookup(skuId) }));
  return {
    userId,
    firstName,
    lastName,
    email: `${firstName}.${lastName}@contoso.test`.toLowerCase(),
    jobTitle: '',
    siteName: '',
    licenses,
    monthlyCostCents: licenses.reduce((sum, line) => sum + (line.monthlyPriceCents ?? 0), 0),
    disabled: flags.disabled ?? false,
    guest: flags.guest ?? false,
  };
}

export function report(code: string, rows: AccountRow[], skipped: SiteReport['skipped'] = []): SiteReport {
  return {
    site: { code, name: `Site ${code}`, membersGroupId: `g-${code}`, correspondentsGroupId: `c-${code}`, rowId: 1 },
    rows: rows.map((r) => ({ ...r, siteName: `Site ${code}` })),
    skipped,
    exported: rows.length,
    total: rows.length + skipped.length,
    monthlyCostCents: rows.reduce((sum, r) => sum + r.monthlyCostCents, 0),
    correspondents: [{ name: 'IT', address: `it-${code.toLowerCase()}@contoso.test` }],
  };
}

/** Site SIEGE in January and in February 2026. */
export const JANUARY = report('SIEGE', [
  row('u-alice', 'Alice', 'Martin', [E3]),
  row('u-bob', 'Bob', 'Durand', [E3, BI_PRO]),
  row('u-carla', 'Carla', 'Petit', [E1]),
]);
export const FEBRUARY = report('SIEGE', [
  // Alice: unchanged. Bob: lost Power BI Pro, got Flow Free. Carla left. Dan arrived.
  row('u-alice', 'Alice', 'Martin', [E3]),
  row('u-bob', 'Bob', 'Durand', [E3, FLOW_FREE]),
  row('u-dan', 'Dan', 'Roux', [E3, VISIO]),
]);

export { memoryStore } from '../support/memoryStore.js';

/** A Directory whose listUsers answers from plain records, or throws the given error. */
/** GET /users answered by `answer`; the company subscriptions and groups by id by `more` (none by default). */
export function directoryOf(
  answer: (select: readonly string[]) => RawRecord[] | Error,
  more: { subscriptions?: () => RawRecord[] | Error; groups?: RawRecord[] } = {},
) {
  const calls: string[][] = [];
  const groupReads: string[][] = [];
  return {
    calls,
    groupReads,
    listGroupUsers: async () => [],
    listSubscribedSkus: async () => [],
    async listCompanySubscriptions() {
      const result = more.subscriptions?.() ?? [];
      if (result instanceof Error) throw result;
      return result;
    },
    async listGroupsById(ids: readonly string[]) {
      groupReads.push([...ids]);
      return (more.groups ?? []).filter((group) => ids.includes(String(group['id'])));
    },
    async listUsers(select: readonly string[]) {
      calls.push([...select]);
      const result = answer(select);
      if (result instanceof Error) throw result;
      return result;
    },
    /** The whole answer as one page. */
    async *pageUsers(select: readonly string[]) {
      calls.push([...select]);
      const result = answer(select);
      if (result instanceof Error) throw result;
      yield result;
    },
    async listUsersByIds(ids: readonly string[], select: readonly string[]) {
      calls.push([...select]);
      const result = answer(select);
      if (result instanceof Error) throw result;
      return result.filter((user) => ids.includes(String(user['id'])));
    },
  };
}

export const clockAt = (iso: string) => ({ now: () => new Date(iso) });
