// SharePoint Online as it really answers: list columns (…/fields), token refusals with the real
// WWW-Authenticate challenge, whole-second throttling.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sampleTenantData } from './data/sample.js';
import { withTextPriceColumn } from './data/sampleLists.js';
import { throttle } from './faults.js';
import { fakeAppToken } from './permissions.js';
import { auth, getJson, mswTenant, SITE } from './testkit.js';

const { tenant, server } = mswTenant();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  tenant.reset();
  tenant.options = {};
  tenant.data = sampleTenantData();
});
afterAll(() => server.close());

const bare = auth({ Accept: 'application/json;odata=nometadata' });
const fields = (title: string, query = '?$select=InternalName,Title,TypeAsString&$filter=Hidden eq false') =>
  `${SITE}/_api/web/lists/getByTitle('${title}')/fields${query}`;
const columns = async (title: string) => (await getJson(fields(title), bare)).body.value ?? [];

describe('list columns: GET …/getByTitle(…)/fields', () => {
  it('nometadata, only the selected properties, hidden columns filtered out; the custom columns typed from their values', async () => {
    const sites = await columns('Sites');
    expect(Object.keys(sites[0] ?? {})).toEqual(['InternalName', 'Title', 'TypeAsString']);
    expect(sites.find((c) => c['InternalName'] === 'ContentTypeId')).toBeUndefined();
    expect(sites).toEqual(
      expect.arrayContaining([
        { InternalName: 'Title', Title: 'Title', TypeAsString: 'Text' },
        { InternalName: 'SiteCode', Title: 'SiteCode', TypeAsString: 'Text' },
        { InternalName: 'Active', Title: 'Active', TypeAsString: 'Boolean' },
      ]),
    );
    expect(await columns('LicensePrices')).toContainEqual({ InternalName: 'MonthlyPrice', Title: 'MonthlyPrice', TypeAsString: 'Number' });
    tenant.data = withTextPriceColumn(sampleTenantData());
    expect(await columns('LicensePrices')).toContainEqual({ InternalName: 'MonthlyPrice', Title: 'MonthlyPrice', TypeAsString: 'Text' });
  });

  it('declared columns: a title with a space keeps the _x0020_ internal name, a Currency column, a renamed Title', async () => {
    const list = tenant.data.sharePoint.lists.find((l) => l.title === 'LicensePrices');
    if (!list) throw new Error('no price list');
    list.columns = [
      { internalName: 'Title', title: 'Produit', type: 'Text' },
      { internalName: 'Sku_x0020_Part_x0020_Number', title: 'Sku Part Number', type: 'Text' },
      { internalName: 'MonthlyPrice', title: 'Prix mensuel', type: 'Currency' },
    ];
    const found = await columns('licenseprices');
    expect(found).toContainEqual({ InternalName: 'Sku_x0020_Part_x0020_Number', Title: 'Sku Part Number', TypeAsString: 'Text' });
    expect(found).toContainEqual({ InternalName: 'MonthlyPrice', Title: 'Prix mensuel', TypeAsString: 'Currency' });
    expect(found).toContainEqual({ InternalName: 'Title', Title: 'Produit', TypeAsString: 'Text' });
    const typed = await getJson(fields('LicensePrices', "?$filter=InternalName eq 'MonthlyPrice'"), auth({ Accept: 'application/json' }));
    expect(typed.body.value?.[0]).toMatchObject({ 'odata.type': 'SP.FieldCurrency', FieldTypeKind: 10, TypeDisplayName: 'Currency', Hidden: false });
  });

  it('an unknown property is 400; a missing list is 404 as for its items', async () => {
    const bad = await getJson(fields('Sites', '?$select=InternalName,Nope'), bare);
    expect(bad.status).toBe(400);
    expect((bad.body['odata.error'] as { message: { value: string } }).message.value).toBe(
      "The property 'Nope' does not exist on type 'SP.Field'. Make sure to only use property names that are defined by the type.",
    );
    const missing = await getJson(fields('Nope'), bare);
    expect(missing.status).toBe(404);
    expect(missing.body['odata.error']).toMatchObject({ code: '-2130575322, System.ArgumentException' });
    expect(tenant.requests.map((r) => r.kind)).toEqual(['listFields', 'listFields']);
  });
});

describe('SharePoint refuses tokens as SharePoint Online does', () => {
  const items = `${SITE}/_api/web/lists/getByTitle('Sites')/items`;
  const challenge =
    /^Bearer realm="3f2a8c1e-5b7d-4e90-a1c2-7d8e9f0a1b2c",client_id="00000003-0000-0ff1-ce00-000000000000",trusted_issuers="[^"]+",authorization_uri="https:\/\/login\.windows\.net\/common\/oauth2\/authorize"$/;

  it('a token obtained with a client secret (appidacr 1, or the tenant option): 401 "Unsupported app only token."', async () => {
    const secret = await getJson(items, { Authorization: `Bearer ${fakeAppToken({ appidacr: '1' })}`, Accept: 'application/json' });
    expect(secret.status).toBe(401);
    expect(secret.body).toEqual({ error_description: 'Unsupported app only token.' });
    expect(secret.headers.get('www-authenticate')).toMatch(challenge);
    tenant.options = { sharePointRejects: 'client-secret-token' };
    expect((await getJson(items, bare)).body).toEqual({ error_description: 'Unsupported app only token.' });
    tenant.options = { sharePointRejects: 'unsupported-security-token' };
    expect((await getJson(items, bare)).body).toEqual({ error_description: 'Unsupported security token.' });
    expect((await getJson(`${SITE}/_api/web`, { Authorization: `Bearer ${fakeAppToken({ appidacr: '2' })}` })).status).toBe(401);
    tenant.options = {};
    expect((await getJson(items, { Authorization: `Bearer ${fakeAppToken({ appidacr: '2' })}`, Accept: 'application/json' })).status).toBe(200);
  });

  it('a Graph token on SharePoint: audience validation fails; no token: the same challenge', async () => {
    const graphToken = await getJson(items, { Authorization: `Bearer ${fakeAppToken({ aud: 'https://graph.microsoft.com' })}` });
    expect(graphToken.status).toBe(401);
    expect(String(graphToken.body['error_description'])).toContain('AudienceUriValidationFailedException');
    const none = await getJson(items, { Accept: 'application/json' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(challenge);
  });
});

describe('SharePoint throttling', () => {
  const items = `${SITE}/_api/web/lists/getByTitle('Sites')/items`;

  it('throttle() on a SharePoint kind defaults to a whole 120 s, as SharePoint sends; 503 and a plain-text body on demand', async () => {
    tenant.addFault(throttle({ kind: 'listItems' }));
    const first = await getJson(items, bare);
    expect([first.status, first.headers.get('retry-after')]).toEqual([429, '120']);
    tenant.addFault(throttle({ kind: 'listFields', status: 503, retryAfterSeconds: 31, plainTextBody: true }));
    const busy = await fetch(fields('Sites'), { headers: bare });
    expect([busy.status, busy.headers.get('retry-after'), await busy.text()]).toEqual([503, '31', '503 SERVER TOO BUSY']);
    tenant.addFault(throttle({ kind: 'listItems', retryAfter: 'Wed, 21 Oct 2026 07:28:00 GMT' }));
    expect((await getJson(items, bare)).headers.get('retry-after')).toBe('Wed, 21 Oct 2026 07:28:00 GMT');
    expect((await getJson(items, bare)).status).toBe(200);
  });
});
