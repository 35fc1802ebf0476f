import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTokenProvider, type TokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { createListReader } from '../../../src/adapters/sharepoint/createListReader.js';
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
import { testHttp, type TestHttpOptions } from '../http/testHttp.js';
import { useFakeTenant } from '../http/useFakeTenant.js';

const fake = useFakeTenant();
const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const SITE_COLUMNS = ['Title', 'SiteCode', 'MembersGroupId', 'CorrespondentsGroupId', 'Active'];
const PRICE_COLUMNS = ['Title', 'SkuPartNumber', 'SkuId', 'MonthlyPrice'];

function reader(options: TestHttpOptions & { siteUrl?: string; tokens?: TokenProvider } = {}) {
  const { http, waits } = testHttp(options);
  const lists = createListReader(
    { sharePointSiteUrl: options.siteUrl ?? FAKE_SHAREPOINT_SITE_URL },
    options.tokens ?? createTokenProvider({ staticAccessToken: DEFAULT_FAKE_TOKEN }),
    http,
  );
  return Object.assign(lists, { waits });
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
    const error = await reader()
      .readItems('Tarifs', PRICE_COLUMNS)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(`SharePoint list 'Tarifs' not found at ${FAKE_SHAREPOINT_SITE_URL}`);
  });

  it('says the site is not found when SHAREPOINT_SITE_URL is wrong', async () => {
    const wrong = 'https://contoso.sharepoint.fake.test/sites/nope';
    const error = await reader({ siteUrl: wrong })
      .readItems(SITES_LIST_TITLE, SITE_COLUMNS)
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(`SharePoint site ${wrong} not found (check SHAREPOINT_SITE_URL)`);
  });

  it("reports an unknown column with SharePoint's own words", async () => {
    const error = await reader()
      .readItems(SITES_LIST_TITLE, ['Title', 'Budget'])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).message).toContain("Column 'Budget' does not exist");
  });
});

describe('createListReader: throttling, outages, identification', () => {
  it('waits a fractional Retry-After (0.05 s) after a 429, then succeeds', async () => {
    fake.tenant.addFault(throttle({ kind: 'listItems', times: 1, retryAfterSeconds: 0.05 }));
    const lists = reader();
    const items = await lists.readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    expect(items.length).toBeGreaterThan(0);
    expect(listRequests()).toBe(2);
    expect(lists.waits).toEqual([50]);
  });

  it("waits SharePoint's usual Retry-After: 120 (whole seconds) on the sites list, then reads it (fake clock)", async () => {
    // SharePoint Online answers throttled requests with whole seconds, often 120 (PnP-Guidance#193).
    fake.tenant.addFault(throttle({ kind: 'listItems', times: 2, retryAfterSeconds: 120 }));
    const lists = reader();
    await expect(lists.readItems(SITES_LIST_TITLE, SITE_COLUMNS)).resolves.not.toHaveLength(0);
    expect(lists.waits).toEqual([120_000, 120_000]);
    expect(listRequests()).toBe(3);
  });

  it('rides out a burst of 503s without Retry-After', async () => {
    fake.tenant.addFault({ match: { kind: 'listItems' }, times: 3, respond: { status: 503 } });
    await expect(reader().readItems(SITES_LIST_TITLE, SITE_COLUMNS)).resolves.not.toHaveLength(0);
    expect(listRequests()).toBe(4);
  });

  it('fails a list throttled past the run deadline with an HttpError naming method, path, status and the deadline', async () => {
    fake.tenant.addFault(throttle({ kind: 'listItems', times: Infinity, retryAfterSeconds: 120 }));
    const lists = reader({ deadlineInMs: 3 * 60_000 });
    const error = await lists.readItems(SITES_LIST_TITLE, SITE_COLUMNS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).method).toBe('GET');
    expect((error as HttpError).path).toBe("/sites/it/_api/web/lists/getByTitle('Sites')/items");
    expect((error as HttpError).status).toBe(429);
    expect((error as HttpError).message).toContain('would pass the run deadline (RUN_DEADLINE_MINUTES=3, 60 s left)');
    expect(lists.waits).toEqual([120_000]);
  });

  it('fails a hung request with a TimeoutError naming the path, not the query string', async () => {
    fake.tenant.addFault({ match: { kind: 'listItems' }, times: 1, respond: 'hang' });
    const error = await reader({ requestTimeoutMs: 100 })
      .readItems(SITES_LIST_TITLE, SITE_COLUMNS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("GET /sites/it/_api/web/lists/getByTitle('Sites')/items did not answer within 100 ms");
  });

  it('sends NONISV|<ORG_NAME>|m365-license-report/<version> as User-Agent', async () => {
    const agents: Array<string | null> = [];
    fake.tenant.addFault({ match: { predicate: (r) => (agents.push(r.headers.get('user-agent')), false) }, respond: { status: 500 } });
    await reader().readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    expect(agents).toEqual([`NONISV|Association Horizon|m365-license-report/${VERSION}`]);
  });
});

describe('createListReader: tokens and what SharePoint says of them', () => {
  const unauthorized = (respond: { body?: unknown; headers?: Record<string, string> }) =>
    fake.tenant.addFault({ match: { kind: 'listItems' }, respond: { status: 401, ...respond } });
  const readError = async () =>
    (await reader()
      .readItems(SITES_LIST_TITLE, SITE_COLUMNS)
      .catch((e: unknown) => e)) as HttpError;
  const CERTIFICATE_HINT =
    'SharePoint refuses app-only tokens obtained with a client secret: use a certificate, AZURE_CLIENT_CERTIFICATE_PATH, or the managed identity';

  it('asks for a token for the SharePoint tenant host, not the site path', async () => {
    const scopes: string[] = [];
    const tokens = {
      credential: { kind: 'managed-identity' as const, description: 'test' },
      getToken: async (scope: string) => (scopes.push(scope), DEFAULT_FAKE_TOKEN),
    };
    await reader({ tokens }).readItems(SITES_LIST_TITLE, SITE_COLUMNS);
    expect(scopes).toEqual(['https://contoso.sharepoint.fake.test/.default']);
  });

  it('reports a refused token without showing it', async () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.secret-payload-1234567890.signature-abcdefghij';
    const error = await reader({ tokens: createTokenProvider({ staticAccessToken: token }) })
      .readItems(SITES_LIST_TITLE, SITE_COLUMNS)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(401);
    expect(`${(error as Error).message} ${(error as Error).stack}`).not.toContain('secret-payload');
  });

  it('keeps "Unsupported app only token." and says to use a certificate or the managed identity', async () => {
    // SharePoint's answer to an app-only token obtained with a client secret (koltyakov/gosip azureclient notes).
    unauthorized({ body: { error_description: 'Unsupported app only token.' } });
    const error = await readError();
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `GET /sites/it/_api/web/lists/getByTitle('Sites')/items answered 401: SharePoint refused the token: Unsupported app only token. (${CERTIFICATE_HINT})`,
    );
  });

  it('keeps "Unsupported security token." with the same hint', async () => {
    // Body quoted in pnp/pnpjs#1501 (a client id and secret against SharePoint Online).
    unauthorized({ body: { error_description: 'Unsupported security token.' } });
    expect((await readError()).message).toContain(`SharePoint refused the token: Unsupported security token. (${CERTIFICATE_HINT})`);
  });

  it('reads the reason from WWW-Authenticate when the body is empty', async () => {
    // Header shape of SharePoint Online's 401 (microsoft/FluidFramework odsp-driver tests), with the
    // error fields a refused token carries; the body may be empty (learn.microsoft.com Q&A 5786195).
    unauthorized({
      headers: {
        'WWW-Authenticate':
          'Bearer realm="6c482541-f706-4168-9e58-8e35a9992f58",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize",error="invalid_token",error_description="Unsupported app only token."',
      },
    });
    expect((await readError()).message).toContain(`SharePoint refused the token: Unsupported app only token. (${CERTIFICATE_HINT})`);
  });

  it("reads x-ms-diagnostics' reason, without the certificate hint when it does not apply", async () => {
    // Header quoted in SharePoint/sp-dev-docs#7152.
    unauthorized({ headers: { 'x-ms-diagnostics': '3000006;reason="Token contains invalid signature.";category="invalid_client"' } });
    const error = await readError();
    expect(error.message).toContain('SharePoint refused the token: Token contains invalid signature.');
    expect(error.message).not.toContain('client secret');
  });

  it("keeps SharePoint's own words for an access refusal (odata.error)", async () => {
    const error = await reader({ tokens: createTokenProvider({ staticAccessToken: 'not-the-fake-token' }) })
      .readItems(SITES_LIST_TITLE, SITE_COLUMNS)
      .catch((e: unknown) => e);
    expect((error as HttpError).message).toContain('SharePoint refused the token: Access denied.');
  });
});
