import { describe, expect, it } from 'vitest';
import { createTokenProvider, type TokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { createListReader } from '../../../src/adapters/sharepoint/index.js';
import { HttpError, TimeoutError } from '../../../src/errors.js';
import {
  DEFAULT_FAKE_TOKEN,
  FAKE_SHAREPOINT_SITE_URL,
  PRICES_LIST_TITLE,
  sampleTenantData,
  SITES_LIST_TITLE,
  throttle,
  withTextPriceColumn,
  type TenantData,
} from '../../fakeTenant/index.js';
import { useFakeTenant } from '../http/useFakeTenant.js';

const fake = useFakeTenant();
const SITE_COLUMNS = ['Title', 'SiteCode', 'MembersGroupId', 'CorrespondentsGroupId', 'Active'];
const PRICE_COLUMNS = ['Title', 'SkuPartNumber', 'SkuId', 'MonthlyPrice'];

function reader(options: { siteUrl?: string; requestTimeoutMs?: number; retryGiveUpMs?: number; tokens?: TokenProvider } = {}) {
  return createListReader(
    {
      sharePointSiteUrl: options.siteUrl ?? FAKE_SHAREPOINT_SITE_URL,
      requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
      retryGiveUpMs: options.retryGiveUpMs ?? 2_000,
    },
    options.tokens ?? createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }),
    { backoff: { baseDelayMs: 5, maxDelayMs: 20 } },
  );
}

/** Sample data plus a list 'Big<n>' of n rows with ids 1..n. */
function withBigList(rows: number): TenantData {
  const data = sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') });
  data.sharePoint.lists.push({
    title: `Big${rows}`,
    fields: ['Title', 'Code'],
    items: Array.from({ length: rows }, (_, i) => ({ Id: i + 1, ID: i + 1, Title: `Row ${i + 1}`, Code: `C${i + 1}` })),
  });
  return data;
}

const listRequests = (): number => fake.tenant.countsByKind()['listItems'] ?? 0;

describe('createListReader.readItems', () => {
  it('reads every row of the sites list with Id and the named columns only', async () => {
    const items = await reader().readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    const expected = fake.tenant.data.sharePoint.lists.find((l) => l.title === SITES_LIST_TITLE)?.items ?? [];
    expect(items).toHaveLength(expected.length);
    expect(items.map((i) => i['Id'])).toEqual(expected.map((i) => i['Id']));
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['Id', ...SITE_COLUMNS].sort());
    const url = new URL(fake.tenant.requests[0]?.url ?? '');
    expect(url.pathname).toBe("/sites/it/_api/web/lists/getByTitle('Sites')/items");
    expect(url.searchParams.get('$top')).toBe('5000');
  });

  it('reads a 250-row list whole (more than the default page of 100)', async () => {
    fake.use(withBigList(250));
    const items = await reader().readItems('Big250', ['Title', 'Code']);
    expect(items).toHaveLength(250);
    expect(items[249]).toEqual({ Id: 250, Title: 'Row 250', Code: 'C250' });
  });

  it('follows odata.nextLink past a 5,000-row page', async () => {
    fake.use(withBigList(5_300));
    const items = await reader().readItems('Big5300', ['Code']);
    expect(items).toHaveLength(5_300);
    expect(new Set(items.map((i) => i['Id'])).size).toBe(5_300);
    expect(listRequests()).toBe(2);
  });

  it('passes a text MonthlyPrice such as "25,30" through raw (parsing is the core\'s job)', async () => {
    fake.use(withTextPriceColumn(sampleTenantData({ now: new Date('2025-01-31T00:00:00Z') })));
    const items = await reader().readItems(PRICES_LIST_TITLE, PRICE_COLUMNS);
    const project = items.find((i) => i['Title'] === 'Project Online Professional');
    expect(project?.['MonthlyPrice']).toBe('25,30');
  });

  it('names a missing list and the site in one clear message', async () => {
    const error = await reader().readItems('Tarifs', PRICE_COLUMNS).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`SharePoint list 'Tarifs' not found at ${FAKE_SHAREPOINT_SITE_URL}`);
  });

  it('says the site is not found when SHAREPOINT_SITE_URL is wrong', async () => {
    const wrong = 'https://contoso.sharepoint.fake.test/sites/nope';
    const error = await reader({ siteUrl: wrong }).readItems(SITES_LIST_TITLE, SITE_COLUMNS).catch((e: unknown) => e);
    expect((error as Error).message).toBe(`SharePoint site ${wrong} not found (check SHAREPOINT_SITE_URL)`);
  });

  it('reports an unknown column with SharePoint\'s own words', async () => {
    const error = await reader().readItems(SITES_LIST_TITLE, ['Title', 'Budget']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).message).toContain("Column 'Budget' does not exist");
  });
});

describe('createListReader: throttling, outages, tokens', () => {
  it('waits a fractional Retry-After (0.05 s) after a 429, then succeeds', async () => {
    fake.tenant.addFault(throttle({ kind: 'listItems', times: 1, retryAfterSeconds: 0.05 }));
    const items = await reader().readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    expect(items.length).toBeGreaterThan(0);
    const [first, second] = fake.tenant.requests;
    expect(listRequests()).toBe(2);
    expect((second?.startedAt ?? 0) - (first?.endedAt ?? 0)).toBeGreaterThanOrEqual(45);
  });

  it('rides out a burst of 503s without Retry-After', async () => {
    fake.tenant.addFault({ match: { kind: 'listItems' }, times: 3, respond: { status: 503 } });
    await expect(reader().readItems(SITES_LIST_TITLE, SITE_COLUMNS)).resolves.not.toHaveLength(0);
    expect(listRequests()).toBe(4);
  });

  it('gives up after RETRY_GIVE_UP_MS with an HttpError naming method, path and status', async () => {
    fake.tenant.addFault(throttle({ kind: 'listItems', times: Infinity, retryAfterSeconds: 0.05 }));
    const error = await reader({ retryGiveUpMs: 200 }).readItems(SITES_LIST_TITLE, SITE_COLUMNS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).method).toBe('GET');
    expect((error as HttpError).path).toBe("/sites/it/_api/web/lists/getByTitle('Sites')/items");
    expect((error as HttpError).status).toBe(429);
    expect(listRequests()).toBeLessThanOrEqual(5);
  });

  it('fails a hung request with a TimeoutError naming the path, not the query string', async () => {
    fake.tenant.addFault({ match: { kind: 'listItems' }, times: 1, respond: 'hang' });
    const error = await reader({ requestTimeoutMs: 100 }).readItems(SITES_LIST_TITLE, SITE_COLUMNS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("GET /sites/it/_api/web/lists/getByTitle('Sites')/items did not answer within 100 ms");
  });

  it('asks for a token for the SharePoint tenant host, not the site path', async () => {
    const scopes: string[] = [];
    const tokens = createTokenProvider({}, {
      getToken: async (scope) => (scopes.push(String(scope)), { token: DEFAULT_FAKE_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
    });
    await reader({ tokens }).readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    expect(scopes).toEqual(['https://contoso.sharepoint.fake.test/.default']);
  });

  it('reports a refused token without showing it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-payload-1234567890.signature-abcdefghij';
    const error = await reader({ tokens: createTokenProvider({ staticAccessToken: token }) }).readItems(SITES_LIST_TITLE, SITE_COLUMNS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain('secret-payload');
  });
});
