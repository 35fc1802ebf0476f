// The postprovision hook: the SharePoint site grant through Graph (msw answers as Graph documents
// it: site-get, site-list-permissions, site-post-permissions), the Exchange PowerShell it prints,
// and where the doctor runs. Nothing here reaches the network.
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { exchangeRbacScript } from '../../src/setup/exchangeRbacScript.js';
import { runPostprovision } from '../../src/setup/runPostprovision.js';
import { findAppPermission, siteLookupUrl } from '../../src/setup/siteGrant.js';

const GRAPH = 'https://graph.microsoft.com/v1.0';
const CLIENT_ID = '3b9a1f4e-5c2d-4e8f-9a6b-7c1d2e3f4a5b';
const OBJECT_ID = 'a1b2c3d4-e5f6-4789-8abc-def012345678';
const SITE_ID = 'contoso.sharepoint.com,2C712604-1370-44E7-A1F5-426573FDA80A,2D2244C3-251A-49EA-93A8-39E1C3A060FE';
const ENV = {
  MANAGED_IDENTITY_CLIENT_ID: CLIENT_ID,
  MANAGED_IDENTITY_PRINCIPAL_ID: OBJECT_ID,
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it',
  MAIL_SENDER: 'rapports@contoso.org',
  AZURE_FUNCTION_NAME: 'func-licreport-abc',
};
const tokens = { describe: 'test sign-in', forResource: async () => 'admin-token' };

const posted: unknown[] = [];
let permissions: unknown[] = [];
let postStatus = 201;
const graphError = (status: number, code: string, message: string) =>
  HttpResponse.json({ error: { code, message, innerError: { 'request-id': 'r', date: '2026-01-01T00:00:00' } } }, { status });

const server = setupServer(
  http.get(`${GRAPH}/sites/contoso.sharepoint.com\\:/sites/it`, ({ request }) =>
    request.headers.get('authorization') === 'Bearer admin-token'
      ? HttpResponse.json({ id: SITE_ID, webUrl: ENV.SHAREPOINT_SITE_URL })
      : graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.'),
  ),
  http.get(`${GRAPH}/sites/:siteId/permissions`, () => HttpResponse.json({ value: permissions })),
  http.get(`${GRAPH}/sites/:siteId/permissions/:id`, ({ params }) =>
    HttpResponse.json({ id: params.id, roles: ['read'], grantedToIdentitiesV2: [{ application: { id: CLIENT_ID, displayName: 'm365-license-report' } }] }),
  ),
  http.post(`${GRAPH}/sites/:siteId/permissions`, async ({ request, params }) => {
    if (params.siteId !== SITE_ID) return graphError(404, 'itemNotFound', 'Item not found');
    if (postStatus !== 201) return graphError(postStatus, 'accessDenied', 'Access denied');
    const body = (await request.json()) as Record<string, unknown>;
    posted.push(body);
    return HttpResponse.json({ id: 'aTowaS50fG1zLnNwLmV4dHw', ...body, grantedToIdentitiesV2: body.grantedToIdentities }, { status: 201 });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  posted.length = 0;
  permissions = [];
  postStatus = 201;
});
afterAll(() => server.close());

async function hook(env: Record<string, string> = ENV): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runPostprovision({ env, print: (line) => out.push(line), tokens });
  return { code, out };
}

describe('SharePoint site grant', () => {
  it('POSTs the documented read grant for the managed identity, once', async () => {
    const { code, out } = await hook();
    expect(code).toBe(0);
    expect(posted).toEqual([{ roles: ['read'], grantedToIdentities: [{ application: { id: CLIENT_ID, displayName: 'm365-license-report' } }] }]);
    expect(out).toContain('2. SharePoint: read granted to m365-license-report on https://contoso.sharepoint.com/sites/it');
  });

  it('keeps an existing grant for the app and sends nothing', async () => {
    permissions = [{ id: 'aTowaS50', grantedToIdentitiesV2: [{ application: { id: CLIENT_ID.toUpperCase(), displayName: 'other name' } }] }];
    const { out } = await hook();
    expect(posted).toEqual([]);
    expect(out).toContain('2. SharePoint: m365-license-report already has read on https://contoso.sharepoint.com/sites/it: unchanged');
  });

  it("when Graph refuses the admin's token, prints the manual steps and does not fail the deployment", async () => {
    postStatus = 403;
    const { code, out } = await hook();
    expect(code).toBe(0);
    expect(out).toContain(
      '2. SharePoint: the read grant on https://contoso.sharepoint.com/sites/it could not be made with your sign-in (granting read on the site: HTTP 403 Access denied).',
    );
    expect(out).toContain(
      `     Grant-PnPAzureADAppSitePermission -AppId ${CLIENT_ID} -DisplayName "m365-license-report" -Site https://contoso.sharepoint.com/sites/it -Permissions Read`,
    );
    expect(out).toContain(`     {"roles":["read"],"grantedToIdentities":[{"application":{"id":"${CLIENT_ID}","displayName":"m365-license-report"}}]}`);
  });

  it('finds the site by host and path, and a grant in either identity list', () => {
    expect(siteLookupUrl({ graphBaseUrl: GRAPH, siteUrl: 'https://contoso.sharepoint.com/sites/it/' })).toBe(
      `${GRAPH}/sites/contoso.sharepoint.com:/sites/it?$select=id,webUrl`,
    );
    expect(siteLookupUrl({ graphBaseUrl: GRAPH, siteUrl: 'https://contoso.sharepoint.com' })).toBe(`${GRAPH}/sites/contoso.sharepoint.com:/?$select=id,webUrl`);
    expect(findAppPermission([{ id: '1', grantedToIdentities: [{ application: { id: CLIENT_ID } }] }], CLIENT_ID)).toBe('1');
    expect(findAppPermission([{ id: '2', grantedToIdentitiesV2: [{ application: { id: 'someone-else' } }] }], CLIENT_ID)).toBeUndefined();
  });
});

describe('Exchange RBAC for Applications', () => {
  it('prints the PowerShell that scopes Mail.Send and Mail.Read to the sender', async () => {
    const { out } = await hook();
    const at = out.findIndex((line) => line.startsWith('3. Exchange: mail as rapports@contoso.org only.'));
    expect(out.slice(at + 1, at + 7)).toEqual([
      '   Connect-ExchangeOnline',
      `   New-ServicePrincipal -AppId ${CLIENT_ID} -ObjectId ${OBJECT_ID} -DisplayName "m365-license-report"`,
      `   New-ManagementScope -Name "m365-license-report sender" -RecipientRestrictionFilter "PrimarySmtpAddress -eq 'rapports@contoso.org'"`,
      `   New-ManagementRoleAssignment -Name "m365-license-report Mail.Send" -App ${OBJECT_ID} -Role "Application Mail.Send" -CustomResourceScope "m365-license-report sender"`,
      `   New-ManagementRoleAssignment -Name "m365-license-report Mail.Read" -App ${OBJECT_ID} -Role "Application Mail.Read" -CustomResourceScope "m365-license-report sender"`,
      `   Test-ServicePrincipalAuthorization -Identity ${OBJECT_ID} -Resource "rapports@contoso.org"`,
    ]);
  });

  it('scopes by object id when MAIL_SENDER is one, and quotes what PowerShell would expand', () => {
    const byId = exchangeRbacScript({ appId: CLIENT_ID, objectId: OBJECT_ID, displayName: 'app', mailbox: '0f0e0d0c-0b0a-4909-8807-060504030201' });
    expect(byId[2]).toBe(
      `New-ManagementScope -Name "app sender" -RecipientRestrictionFilter "ExternalDirectoryObjectId -eq '0f0e0d0c-0b0a-4909-8807-060504030201'"`,
    );
    const odd = exchangeRbacScript({ appId: CLIENT_ID, objectId: OBJECT_ID, displayName: 'app', mailbox: "o'brien$x@contoso.org" });
    expect(odd[2]).toBe(`New-ManagementScope -Name "app sender" -RecipientRestrictionFilter "PrimarySmtpAddress -eq 'o''brien\`$x@contoso.org'"`);
  });
});

describe('the hook around the steps', () => {
  it('needs what azd provides, and says so', async () => {
    const { code, out } = await hook({ SHAREPOINT_SITE_URL: ENV.SHAREPOINT_SITE_URL });
    expect(code).toBe(1);
    expect(out).toEqual([
      '✗ MANAGED_IDENTITY_CLIENT_ID, MANAGED_IDENTITY_PRINCIPAL_ID, MAIL_SENDER not set: run this hook through azd (azd provision), which sets them from infra/ and azd env',
    ]);
  });

  it('leaves the doctor to the postdeploy hook: the managed identity exists only on the deployed app', async () => {
    const { code, out } = await hook();
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(
      "4. Doctor: after the code is deployed, the postdeploy hook runs it on the app (GET /api/report/doctor), with the app's own identity.",
    );
  });

  it('names the app roles infra/ granted', async () => {
    const { out } = await hook();
    expect(out[1]).toBe(
      '1. App roles granted by infra/: GroupMember.Read.All on Microsoft Graph, User.Read.All on Microsoft Graph, LicenseAssignment.Read.All on Microsoft Graph, AuditLog.Read.All (optional) on Microsoft Graph, Organization.Read.All (optional) on Microsoft Graph, Sites.Selected on SharePoint Online',
    );
  });
});
