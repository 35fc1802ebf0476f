// SharePoint REST list items: paging, $select, $top, errors, formats, and PnPjs v4
// iterating pages against the fake exactly as the app does.
import { BearerToken, BrowserFetch, DefaultParse } from '@pnp/queryable';
import { DefaultHeaders, DefaultInit } from '@pnp/sp';
import { Items } from '@pnp/sp/items/index.js';
import { Lists } from '@pnp/sp/lists/index.js';
import { Web } from '@pnp/sp/webs/index.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantData } from './data/generate.js';
import { sampleTenantData } from './data/sample.js';
import { withTextPriceColumn } from './data/sampleLists.js';
import { auth, getJson, mswTenant, SITE } from './testkit.js';

const big = generateTenantData({ sites: 300, accounts: 12_000, skus: 15 });
const { tenant, server } = mswTenant(big);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.reset();
  tenant.data = big;
});
afterAll(() => server.close());

const itemsUrl = (title: string, query = ''): string => `${SITE}/_api/web/lists/getByTitle('${title}')/items${query}`;
const json = auth({ Accept: 'application/json' });

describe('list items', () => {
  it('pages by 100 with an absolute odata.nextLink carrying $skiptoken=Paged=TRUE&p_ID=', async () => {
    const ids: number[] = [];
    let pages = 0;
    for (let next: string | undefined = itemsUrl('Sites', '?$select=Id,Title,SiteCode'); next; pages++) {
      const page = await getJson(next, json);
      expect(page.status).toBe(200);
      ids.push(...(page.body.value ?? []).map((i) => i.Id as number));
      next = page.body['odata.nextLink'] as string | undefined;
      if (next) expect(next).toMatch(new RegExp(`^${SITE}/_api/.*%24skiptoken=Paged%3DTRUE%26p_ID%3D${ids.at(-1)}`));
    }
    expect(pages).toBe(3);
    expect(ids).toHaveLength(300);
    expect(new Set(ids).size).toBe(300);
  });

  it('$top=5000 returns everything at once; $select returns only the chosen columns', async () => {
    const page = await getJson(itemsUrl('sites', '?$top=5000&$select=Title,Active'), json);
    expect(page.body.value).toHaveLength(300);
    expect(page.body).not.toHaveProperty('odata.nextLink');
    const first = page.body.value?.[0] ?? {};
    expect(
      Object.keys(first)
        .filter((k) => !k.startsWith('odata.'))
        .sort(),
    ).toEqual(['Active', 'Title']);
    expect(first['odata.type']).toBe('SP.Data.SitesListItem');
  });

  it('unknown list -> 404, unknown column -> 400, other site -> 404, no token -> 401', async () => {
    const missing = await getJson(itemsUrl('Nope'), json);
    expect(missing.status).toBe(404);
    expect(missing.body['odata.error']).toEqual({
      code: '-2130575322, System.ArgumentException',
      message: { lang: 'en-US', value: `List 'Nope' does not exist at site with URL '${SITE}'.` },
    });
    const column = await getJson(itemsUrl('Sites', '?$select=Title,Ghost'), json);
    expect(column.status).toBe(400);
    expect((column.body['odata.error'] as { message: { value: string } }).message.value).toBe(
      "Column 'Ghost' does not exist. It may have been deleted by another user.",
    );
    expect((await getJson(itemsUrl('Sites').replace('/sites/it', '/sites/rh'), json)).status).toBe(404);
    expect((await getJson(itemsUrl('Sites'), { Accept: 'application/json' })).status).toBe(401);
  });

  it('answers odata=verbose with d.results / d.__next, and nometadata without odata.* keys', async () => {
    const verbose = await getJson(itemsUrl('Sites', '?$select=Title'), auth({ Accept: 'application/json;odata=verbose' }));
    const d = verbose.body.d as { results: Array<Record<string, unknown>>; __next?: string };
    expect(d.results).toHaveLength(100);
    expect(d.results[0]?.__metadata).toMatchObject({ type: 'SP.Data.SitesListItem' });
    expect(d.__next).toMatch(/p_ID%3D100/);
    const bare = await getJson(itemsUrl('Sites', '?$select=Title&$top=1'), auth({ Accept: 'application/json;odata=nometadata' }));
    expect(bare.body.value).toEqual([{ Title: 'ETABLISSEMENT S001' }]);
  });
});

describe('sample lists', () => {
  it('serves the price list with numbers, nulls, titles matched case-insensitively and quotes doubled', async () => {
    tenant.data = sampleTenantData();
    const page = await getJson(itemsUrl('licenseprices', '?$select=Id,Title,SkuPartNumber,SkuId,MonthlyPrice'), json);
    const e3 = page.body.value?.find((i) => i.SkuPartNumber === 'ENTERPRISEPACK');
    expect(e3).toMatchObject({ Title: 'Office 365 E3', MonthlyPrice: 6.3 });
    expect(page.body.value?.filter((i) => i.SkuPartNumber === 'PROJECTPROFESSIONAL')).toHaveLength(2);
    expect(page.body.value?.some((i) => i.MonthlyPrice === null)).toBe(true);
    tenant.data.sharePoint.lists.push({ title: "It's", fields: [], items: [{ Id: 1, ID: 1, Title: 'x' }] });
    const quoted = await getJson(`${SITE}/_api/web/lists/getByTitle('${encodeURIComponent("It''s")}')/items`, json);
    expect(quoted.body.value?.[0]).toMatchObject({ Title: 'x', Id: 1, ID: 1 });
  });

  it('withTextPriceColumn() turns MonthlyPrice into decimal-comma text', async () => {
    tenant.data = withTextPriceColumn(sampleTenantData());
    const page = await getJson(itemsUrl('LicensePrices', '?$select=SkuPartNumber,MonthlyPrice'), json);
    expect(page.body.value?.find((i) => i.SkuPartNumber === 'ENTERPRISEPACK')?.MonthlyPrice).toBe('6,30');
  });
});

describe('PnPjs v4', () => {
  it('for await over items.select().top() follows odata.nextLink to the end', async () => {
    // Same requests as sp.web.lists.getByTitle(t).items; built from the factories because PnPjs'
    // `declare module "../fi"` augmentations do not resolve under moduleResolution NodeNext (pnp/pnpjs#2986).
    const web = Web(SITE).using(DefaultHeaders(), DefaultInit(), BrowserFetch(), DefaultParse(), BearerToken('fake-token'));
    const items = Items(Lists(web).getByTitle('Sites')).select('Id', 'Title', 'MembersGroupId').top(120);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of items) {
      pages++;
      seen.push(...(page as Array<{ Title: string }>).map((i) => i.Title));
    }
    expect(pages).toBe(3);
    expect(seen).toHaveLength(300);
    const first = new URL(tenant.requests[0]?.url ?? '');
    expect(decodeURIComponent(first.pathname)).toBe("/sites/it/_api/web/lists/getByTitle('Sites')/items");
    expect(Object.fromEntries(first.searchParams)).toEqual({ $select: 'Id,Title,MembersGroupId', $top: '120' });
    expect(tenant.requests.map((r) => r.kind)).toEqual(['listItems', 'listItems', 'listItems']);
  });
});
