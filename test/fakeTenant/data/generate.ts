// generateTenantData(): a large, seeded tenant for the benchmark (e.g. 300 sites,
// 50,000 accounts, 40 SKUs). One user object per account and nothing else per
// user, so it builds in well under a second and stays light in memory.
import type { FakeGroup, FakeSku, FakeUser, TenantData } from '../types.js';
import { SKUS } from './catalog.js';
import { licensesFor } from './licensePolicy.js';
import { JOB_TITLES } from './names.js';
import { PeopleFactory } from './people.js';
import { Prng } from './prng.js';
import { PRICES_LIST_TITLE, SITES_LIST_TITLE } from './sampleLists.js';

export interface GenerateOptions {
  sites: number;
  accounts: number;
  skus: number;
  seed?: number;
}

const MIN_SITE = 20;
const MAX_SITE = 1500;

/**
 * Sizes in [20, 1500] summing to `accounts`, skewed so a few sites are large. When the numbers
 * allow, the first site has 1,500 accounts and the last 20, so a tenant spans the whole range.
 */
export function siteSizes(sites: number, accounts: number, prng: Prng): number[] {
  if (sites < 1 || accounts < sites * MIN_SITE || accounts > sites * MAX_SITE) {
    throw new RangeError(`cannot split ${accounts} accounts into ${sites} sites of ${MIN_SITE}..${MAX_SITE}`);
  }
  const middle = accounts - MAX_SITE - MIN_SITE;
  if (sites > 2 && middle >= (sites - 2) * MIN_SITE && middle <= (sites - 2) * MAX_SITE) {
    return [MAX_SITE, ...spread(sites - 2, middle, prng), MIN_SITE];
  }
  return spread(sites, accounts, prng);
}

function spread(sites: number, accounts: number, prng: Prng): number[] {
  const weights = Array.from({ length: sites }, () => prng.next() ** 3 + 0.05);
  const total = weights.reduce((a, b) => a + b, 0);
  const spare = accounts - sites * MIN_SITE;
  const sizes = weights.map((w) => Math.min(MAX_SITE, MIN_SITE + Math.floor((spare * w) / total)));
  // Hand out what rounding and the cap left over, round-robin over sites with room.
  let left = accounts - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % sites) {
    const room = MAX_SITE - (sizes[i] ?? MAX_SITE);
    const give = Math.min(room, left, Math.ceil(left / sites) + 1);
    sizes[i] = (sizes[i] ?? 0) + give;
    left -= give;
  }
  return sizes;
}

function buildSkus(count: number, prng: Prng): FakeSku[] {
  const real = Object.values(SKUS).slice(0, count);
  const skus: FakeSku[] = real.map((s) => ({
    skuId: s.skuId,
    skuPartNumber: s.skuPartNumber,
    displayName: s.displayName,
    prepaidUnits: 0,
    servicePlans: s.servicePlans.map((p) => ({ ...p })),
  }));
  for (let i = skus.length; i < count; i++) {
    const n = String(i + 1).padStart(2, '0');
    // A comma in some names exercises CSV quoting in the product-names file.
    skus.push({
      skuId: prng.guid(),
      skuPartNumber: `FAKE_ADDON_${n}`,
      displayName: i % 3 ? `Fake Add-on ${n}` : `Fake Add-on ${n}, Nonprofit`,
      prepaidUnits: 0,
    });
  }
  return skus;
}

export function generateTenantData(opts: GenerateOptions): TenantData {
  const prng = new Prng(opts.seed ?? 1);
  const domain = 'federation-bench.fr';
  const people = new PeopleFactory(prng, domain, new Date('2025-01-31T00:00:00Z'));
  const skus = buildSkus(opts.skus, prng);
  const held = new Set(skus.map((s) => s.skuId));
  const extras = skus.slice(Object.keys(SKUS).length);
  const users: FakeUser[] = [];
  const groups: FakeGroup[] = [];
  const siteItems: Record<string, unknown>[] = [];

  siteSizes(opts.sites, opts.accounts, prng).forEach((size, s) => {
    const members: FakeUser[] = [];
    for (let i = 0; i < size; i++) {
      const jobTitle = i === 0 ? "Directeur d'établissement" : i === 1 ? 'Chef de service' : prng.pick(JOB_TITLES);
      const skuIds = licensesFor(jobTitle, prng).filter((id) => held.has(id));
      if (extras.length > 0 && prng.chance(0.1)) skuIds.push(prng.pick(extras).skuId);
      const user = people.create({ jobTitle, skuIds, enabled: prng.next() > 0.02 });
      users.push(user);
      members.push(user);
    }
    const code = `S${String(s + 1).padStart(3, '0')}`;
    const memberIds = members.map((u) => u.id);
    if (s % 10 === 9) {
      // Every tenth site reaches half its staff through a nested group.
      const nested: FakeGroup = { id: prng.guid(), displayName: `Personnel ${code} - Service`, memberIds: memberIds.splice(size >> 1) };
      groups.push(nested);
      memberIds.push(nested.id);
    }
    const staff: FakeGroup = { id: prng.guid(), displayName: `Personnel ${code}`, memberIds };
    const correspondents: FakeGroup = { id: prng.guid(), displayName: `Correspondants ${code}`, memberIds: members.slice(0, 1 + (s % 3)).map((u) => u.id) };
    groups.push(staff, correspondents);
    const id = s + 1;
    siteItems.push({
      Id: id,
      ID: id,
      Title: `ETABLISSEMENT ${code}`,
      SiteCode: code,
      MembersGroupId: staff.id,
      CorrespondentsGroupId: correspondents.id,
      Active: true,
    });
  });

  const sender = people.create({ mailbox: 'rapports', jobTitle: null, skuIds: [] });
  const dsi = people.create({ mailbox: 'dsi', jobTitle: null, skuIds: [] });
  users.push(sender, dsi);

  const consumed = new Map<string, number>();
  for (const u of users) for (const l of u.assignedLicenses) consumed.set(l.skuId, (consumed.get(l.skuId) ?? 0) + 1);
  for (const sku of skus) sku.prepaidUnits = (consumed.get(sku.skuId) ?? 0) + prng.int(0, 10);

  const prices = [0, 2.6, 3.7, 4.6, 6.3, 9.2, 12.5];
  // About one SKU in ten has no price row; the first SKU is priced twice (duplicate).
  const priceItems = skus
    .filter((_, i) => i % 10 !== 7)
    .map((sku, i) => ({ Title: sku.displayName, SkuPartNumber: sku.skuPartNumber, SkuId: i % 2 ? sku.skuId : null, MonthlyPrice: prng.pick(prices) }));
  if (skus[0]) priceItems.push({ Title: `${skus[0].displayName} (ancien tarif)`, SkuPartNumber: skus[0].skuPartNumber, SkuId: null, MonthlyPrice: 7.1 });

  return {
    tenantId: prng.guid(),
    organisationName: 'Fédération Bench',
    domain,
    mailSender: sender.mail ?? `rapports@${domain}`,
    itSummaryTo: [dsi.mail ?? `dsi@${domain}`],
    users,
    groups,
    skus,
    sharePoint: {
      sitePath: '/sites/it',
      lists: [
        { title: SITES_LIST_TITLE, fields: ['Title', 'SiteCode', 'MembersGroupId', 'CorrespondentsGroupId', 'Active'], items: siteItems },
        {
          title: PRICES_LIST_TITLE,
          fields: ['Title', 'SkuPartNumber', 'SkuId', 'MonthlyPrice'],
          items: priceItems.map((p, i) => ({ Id: i + 1, ID: i + 1, ...p })),
        },
      ],
    },
  };
}
