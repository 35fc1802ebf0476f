// `npm run setup -- lists` against the fake tenant (msw): what it creates, what it prints, that a
// rerun changes nothing, and that the app's own list reader then reads what it created.
import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../src/adapters/auth/createTokenProvider.js';
import { createListReader } from '../../src/adapters/sharepoint/createListReader.js';
import { testHttp } from '../adapters/http/testHttp.js';
import { parseConfig } from '../../src/config/parseConfig.js';
import { parsePrices } from '../../src/core/parsePrices.js';
import { parseSites } from '../../src/core/parseSites.js';
import { runSetup } from '../../src/setup/runSetup.js';
import {
  DEFAULT_FAKE_TOKEN,
  FAKE_GRAPH_BASE_URL,
  FAKE_PRODUCT_NAMES_URL,
  FAKE_SHAREPOINT_SITE_URL,
  PRICES_LIST_TITLE,
  sampleTenantData,
  SITES_LIST_TITLE,
  type TenantData,
  withTextPriceColumn,
} from '../fakeTenant/index.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';

const fake = useFakeTenant();
const ENV = {
  SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL,
  GRAPH_BASE_URL: FAKE_GRAPH_BASE_URL,
  PRODUCT_NAMES_URL: FAKE_PRODUCT_NAMES_URL,
  STATIC_ACCESS_TOKEN: DEFAULT_FAKE_TOKEN,
};

async function setup(argv: string[], env: Record<string, string> = ENV): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runSetup(argv, { env, print: (line) => out.push(line) });
  return { code, out };
}

function withoutLists(): TenantData {
  const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
  data.sharePoint.lists = [];
  return data;
}

const writes = (): string[] => fake.tenant.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${decodeURIComponent(new URL(r.url).pathname)}`);

async function fieldsOf(title: string): Promise<Array<{ InternalName: string; TypeAsString: string; Title: string }>> {
  const response = await fetch(`${FAKE_SHAREPOINT_SITE_URL}/_api/web/lists/getbytitle('${title}')/fields`, {
    headers: { Authorization: `Bearer ${DEFAULT_FAKE_TOKEN}`, Accept: 'application/json;odata=nometadata' },
  });
  return ((await response.json()) as { value: Array<{ InternalName: string; TypeAsString: string; Title: string }> }).value;
}

describe('setup -- lists on a site without the lists', () => {
  it('creates both lists with the internal names and types the app reads, and says so', async () => {
    fake.use(withoutLists());
    const { code, out } = await setup(['lists']);
    expect(code).toBe(0);
    expect(out).toEqual([
      `SharePoint site ${FAKE_SHAREPOINT_SITE_URL}, signed in with STATIC_ACCESS_TOKEN (local test tenants only)`,
      'List "Sites": created',
      '  ✓ Title (Text) exists',
      '  + SiteCode (Text, shown as "Site code") added',
      '  + MembersGroupId (Text, shown as "Staff group id") added',
      '  + CorrespondentsGroupId (Text, shown as "IT correspondents group id") added',
      '  + Active (Yes/No, shown as "Active") added',
      'List "LicensePrices": created',
      '  ✓ Title (Text) exists',
      '  + SkuPartNumber (Text, shown as "SKU part number") added',
      '  + SkuId (Text, shown as "SKU id") added',
      '  + MonthlyPrice (Number, shown as "Monthly price") added',
      'Nothing else was changed. Next: npm run doctor',
    ]);
    const types = (fields: Awaited<ReturnType<typeof fieldsOf>>) => Object.fromEntries(fields.map((f) => [f.InternalName, f.TypeAsString]));
    expect(types(await fieldsOf(SITES_LIST_TITLE))).toMatchObject({
      Title: 'Text',
      SiteCode: 'Text',
      MembersGroupId: 'Text',
      CorrespondentsGroupId: 'Text',
      Active: 'Boolean',
    });
    expect(types(await fieldsOf(PRICES_LIST_TITLE))).toMatchObject({ Title: 'Text', SkuPartNumber: 'Text', SkuId: 'Text', MonthlyPrice: 'Number' });
  });

  it('a rerun finds everything and sends no write', async () => {
    fake.use(withoutLists());
    await setup(['lists']);
    fake.tenant.requests.length = 0;
    const { code, out } = await setup(['lists']);
    expect(code).toBe(0);
    expect(writes()).toEqual([]);
    expect(out.slice(1, 8)).toEqual([
      'List "Sites": exists',
      '  ✓ Title (Text) exists',
      '  ✓ SiteCode (Text) exists',
      '  ✓ MembersGroupId (Text) exists',
      '  ✓ CorrespondentsGroupId (Text) exists',
      '  ✓ Active (Yes/No) exists',
      '  nothing to change',
    ]);
    // Without the check, SharePoint would have made a second column SiteCode0.
    expect((await fieldsOf(SITES_LIST_TITLE)).filter((f) => f.InternalName.startsWith('SiteCode'))).toHaveLength(1);
  });

  it('the app reads what it created: a row the admin adds is a site', async () => {
    fake.use(withoutLists());
    await setup(['lists']);
    const list = fake.tenant.data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE);
    list?.items.push({
      Id: 1,
      ID: 1,
      Title: 'Siège',
      SiteCode: 'SIEGE',
      MembersGroupId: '11111111-1111-4111-8111-111111111111',
      CorrespondentsGroupId: '22222222-2222-4222-8222-222222222222',
      Active: true,
    });
    const config = parseConfig(ENV, { mailTransport: 'outbox' });
    const reader = createListReader(config, createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }), testHttp().http);
    const sites = parseSites(await reader.readItems(SITES_LIST_TITLE, Object.values(config.siteColumns)), config.siteColumns);
    expect(sites.warnings).toEqual([]);
    expect(sites.sites.map((s) => s.code)).toEqual(['SIEGE']);
  });

  it('uses the titles and internal names the settings give', async () => {
    fake.use(withoutLists());
    const { code, out } = await setup(['lists'], { ...ENV, SITES_LIST_TITLE: 'Établissements', SITES_COLUMN_CODE: 'Code', SITES_COLUMN_NAME: 'Nom' });
    expect(code).toBe(0);
    expect(out).toContain('List "Établissements": created');
    expect(out).toContain('  + Nom (Text, shown as "Site name") added');
    expect((await fieldsOf('Établissements')).map((f) => f.InternalName)).toEqual(expect.arrayContaining(['Title', 'Nom', 'Code', 'Active']));
  });
});

describe('setup -- lists on a site that has them', () => {
  it('changes nothing on the sample lists', async () => {
    const { code, out } = await setup(['lists']);
    expect(code).toBe(0);
    expect(writes()).toEqual([]);
    expect(out.filter((line) => line.startsWith('List '))).toEqual(['List "Sites": exists', 'List "LicensePrices": exists']);
    expect(out.filter((line) => line.includes('nothing to change'))).toHaveLength(2);
  });

  it('adds only the missing column', async () => {
    const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
    const prices = data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE);
    if (prices) prices.fields = prices.fields.filter((f) => f !== 'SkuId');
    fake.use(data);
    const { code, out } = await setup(['lists']);
    expect(code).toBe(0);
    expect(writes()).toEqual([`POST /sites/it/_api/web/lists/getbytitle('LicensePrices')/fields/createfieldasxml`]);
    expect(out).toContain('  + SkuId (Text, shown as "SKU id") added');
  });

  it('does not add a look-alike of an existing column, and names the setting to change', async () => {
    const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
    const sites = data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE);
    if (sites) sites.fields = sites.fields.map((f) => (f === 'SiteCode' ? 'Site_x0020_Code' : f));
    fake.use(data);
    const { code, out } = await setup(['lists']);
    expect(code).toBe(1);
    expect(writes()).toEqual([]);
    expect(out).toContain(
      '  ! SiteCode not added: the list has "Site_x0020_Code" (internal name Site_x0020_Code). If that is the column, set SITES_COLUMN_CODE=Site_x0020_Code; otherwise rename it and rerun',
    );
    expect(out.at(-1)).toBe('The lists are not yet as the app expects: see the lines marked "!".');
  });

  it('leaves a column of the wrong type as it is and says so', async () => {
    const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
    const sites = data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE);
    for (const item of sites?.items ?? []) item.Active = item.Active === false ? 'Non' : 'Oui';
    fake.use(data);
    const { code, out } = await setup(['lists']);
    expect(code).toBe(1);
    expect(writes()).toEqual([]);
    expect(out).toContain('  ! Active is a Text column, the app expects Yes/No: left as is; change its type in SharePoint');
  });

  it('accepts a text MonthlyPrice column (the app reads "25,30")', async () => {
    fake.use(withTextPriceColumn(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') })));
    const { code, out } = await setup(['lists']);
    expect(code).toBe(0);
    expect(out).toContain('  ✓ MonthlyPrice (Text) exists');
  });
});

describe('setup -- lists --prefill-prices', () => {
  it("adds a row per tenant SKU with Microsoft's name, price empty, then nothing on a rerun", async () => {
    fake.use(withoutLists());
    const skus = fake.tenant.data.skus;
    const { code, out } = await setup(['lists', '--prefill-prices']);
    expect(code).toBe(0);
    const prices = fake.tenant.data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE);
    expect(prices?.items).toHaveLength(skus.length);
    const visio = skus.find((s) => s.skuPartNumber === 'VISIOCLIENT') ?? skus[0];
    expect(prices?.items.find((item) => item.SkuPartNumber === visio?.skuPartNumber)).toMatchObject({ Title: visio?.displayName, SkuId: visio?.skuId });
    expect(prices?.items.every((item) => item.MonthlyPrice === undefined)).toBe(true);
    expect(out).toContain(
      `Price list: ${skus.length} licenses in the tenant, 0 already in "LicensePrices", ${skus.length} rows added with MonthlyPrice empty:`,
    );
    expect(out).toContain('Fill in MonthlyPrice on each: until then the run summary lists them as unpriced.');

    const again = await setup(['lists', '--prefill-prices']);
    expect(again.out).toContain(`Price list: ${skus.length} licenses in the tenant, all already in "LicensePrices": nothing added`);
    expect(prices?.items).toHaveLength(skus.length);
  });

  it('on the sample price list, adds only the SKUs no row mentions; the app still sees them unpriced', async () => {
    const before = fake.tenant.data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE)?.items.length ?? 0;
    const config = parseConfig(ENV, { mailTransport: 'outbox' });
    const reader = createListReader(config, createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }), testHttp().http);
    const read = async () => parsePrices(await reader.readItems(PRICES_LIST_TITLE, Object.values(config.priceColumns)), config.priceColumns);
    const pricedBefore = (await read()).prices.length;

    const { code, out } = await setup(['lists', '--prefill-prices']);
    expect(code).toBe(0);
    const added = out.filter((line) => line.startsWith('  + '));
    const after = fake.tenant.data.sharePoint.lists.find((l) => l.title === PRICES_LIST_TITLE)?.items ?? [];
    expect(after.length - before).toBe(added.length);
    expect(added.length).toBeGreaterThan(0);
    // Rows without a price price nothing: the same licenses are priced, the new ones stay "N/A".
    expect((await read()).prices).toHaveLength(pricedBefore);
  });
});

describe('setup -- lists refuses clearly', () => {
  it('bad arguments and missing settings: exit 2 with the reason', async () => {
    expect(await setup(['list'])).toEqual({ code: 2, out: ['unknown setup command "list"; usage: npm run setup -- lists [--prefill-prices]'] });
    expect((await setup(['lists', '--force'])).out[0]).toContain('unknown option "--force"');
    const { code, out } = await setup(['lists'], { STATIC_ACCESS_TOKEN: DEFAULT_FAKE_TOKEN });
    expect(code).toBe(2);
    expect(out[0]).toContain('SHAREPOINT_SITE_URL is required');
  });

  it("a refused write: exit 1 naming the step and SharePoint's message", async () => {
    fake.use(withoutLists());
    fake.tenant.addFault({
      match: { method: 'POST', pathIncludes: '/_api/web/lists' },
      respond: {
        status: 403,
        body: { 'odata.error': { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied.' } } },
      },
    });
    const { code, out } = await setup(['lists']);
    expect(code).toBe(1);
    expect(out.at(-1)).toBe('✗ creating list "Sites": Access denied. (HTTP 403)');
  });
});
