// The doctor's SharePoint checks against the fake tenant: the site with the app's own token, both
// lists by title, every configured column by internal name and type, the rows a run would skip.
import { describe, expect, it } from 'vitest';
import { FAKE_SHAREPOINT_SITE_URL, PRICES_LIST_TITLE, sampleTenantData, SITES_LIST_TITLE, type FakeList, type TenantData } from '../fakeTenant/index.js';
import { useFakeTenant } from '../adapters/http/useFakeTenant.js';
import { ALL_ROLES, check, doctor, doctorEnv, failed } from './doctorHarness.js';

const fake = useFakeTenant();

function tenant(change: (data: TenantData) => void = () => undefined, options = {}): TenantData {
  const data = sampleTenantData({ now: new Date('2026-11-01T00:00:00Z') });
  change(data);
  fake.use(data, { mailboxScope: { send: [data.mailSender], read: [data.mailSender] }, ...options });
  return data;
}

const list = (data: TenantData, title: string): FakeList => {
  const found = data.sharePoint.lists.find((l) => l.title === title);
  if (!found) throw new Error(`no list ${title}`);
  return found;
};

/** Renames a column of a list, as if it had been created under another internal name and title. */
function renameColumn(data: TenantData, title: string, from: string, to: { internalName: string; title: string; type?: 'Text' | 'Number' | 'DateTime' }) {
  const target = list(data, title);
  const typed = (name: string) =>
    target.items.some((i) => typeof i[name] === 'number') ? 'Number' : target.items.some((i) => typeof i[name] === 'boolean') ? 'Boolean' : 'Text';
  target.columns = target.fields
    .filter((f) => f !== 'Title')
    .map((f) => (f === from ? { internalName: to.internalName, title: to.title, type: to.type ?? typed(f) } : { internalName: f, title: f, type: typed(f) }));
  target.fields = target.fields.map((f) => (f === from ? to.internalName : f));
  for (const item of target.items) {
    item[to.internalName] = item[from];
    delete item[from];
  }
}

describe('doctor: SharePoint', () => {
  it('reads the site, both lists and their columns with the app token, and lists the rows a run skips', async () => {
    const report = await doctor(doctorEnv(tenant()));
    expect(check(report, 'sharepoint.site').detail).toBe(`"IT" at ${FAKE_SHAREPOINT_SITE_URL}, read with the app's own token`);
    expect(check(report, `sharepoint.list.${SITES_LIST_TITLE}`).detail).toBe(
      'found; columns Title (Text), SiteCode (Text), MembersGroupId (Text), CorrespondentsGroupId (Text), Active (Boolean)',
    );
    expect(check(report, `sharepoint.rows.${SITES_LIST_TITLE}`).detail).toMatch(/^12 active site\(s\): SIEGE, /);
    // The sample's row without a staff group, as the run's parser words it.
    expect(check(report, `sharepoint.row.${SITES_LIST_TITLE}.17`)).toMatchObject({
      status: 'warn',
      detail: expect.stringContaining('column "MembersGroupId" is empty; the row is skipped'),
    });
    expect(check(report, `sharepoint.row.${PRICES_LIST_TITLE}.16`).detail).toContain('column "MonthlyPrice" holds nothing');
    expect(check(report, `sharepoint.rows.${PRICES_LIST_TITLE}.unpriced`).detail).toBe(
      '2 license(s) in use have no price row and will show N/A: O365_BUSINESS, VISIOCLIENT',
    );
    expect(failed(report)).toEqual([]);
  });

  it('fails a missing list, naming the setting and the command that creates it', async () => {
    const report = await doctor(doctorEnv(tenant((data) => (data.sharePoint.lists = data.sharePoint.lists.filter((l) => l.title !== PRICES_LIST_TITLE)))));
    expect(report.ok).toBe(false);
    expect(check(report, `sharepoint.list.${PRICES_LIST_TITLE}`)).toMatchObject({
      status: 'fail',
      detail: `not found on ${FAKE_SHAREPOINT_SITE_URL}`,
      fix: "npm run setup -- lists creates it (with your own sign-in), or set PRICES_LIST_TITLE to the list's title",
    });
    expect(check(report, `sharepoint.list.${SITES_LIST_TITLE}`).status).toBe('ok');
  });

  it('shows the near-miss of a misnamed column (Site Code, internal name Site_x0020_Code) and the setting that fixes it', async () => {
    const report = await doctor(
      doctorEnv(tenant((data) => renameColumn(data, SITES_LIST_TITLE, 'SiteCode', { internalName: 'Site_x0020_Code', title: 'Site Code' }))),
    );
    expect(check(report, `sharepoint.column.${SITES_LIST_TITLE}.SiteCode`)).toMatchObject({
      status: 'fail',
      detail: 'no column with internal name SiteCode; close: "Site Code" (internal name Site_x0020_Code, Text)',
      fix: 'SITES_COLUMN_CODE=Site_x0020_Code (internal names cannot be renamed; the setting can)',
    });
    // The rows are not read through a column that does not exist; Graph waits for the sites list.
    expect(report.results.some((r) => r.id === `sharepoint.rows.${SITES_LIST_TITLE}`)).toBe(false);
    expect(check(report, 'graph.members')).toMatchObject({ status: 'skip', detail: 'needs the sites list (see SharePoint)' });
  });

  it('finds near-misses that differ by case or accents (Libellé, internal name Libell_x00e9_)', async () => {
    const data = tenant((d) => renameColumn(d, PRICES_LIST_TITLE, 'SkuPartNumber', { internalName: 'Libell_x00e9_', title: 'Libellé' }));
    const report = await doctor(doctorEnv(data, { roles: ALL_ROLES }, { PRICES_COLUMN_SKU_PART_NUMBER: 'LIBELLE' }));
    expect(check(report, `sharepoint.column.${PRICES_LIST_TITLE}.LIBELLE`)).toMatchObject({
      detail: 'no column with internal name LIBELLE; close: "Libellé" (internal name Libell_x00e9_, Text)',
      fix: 'PRICES_COLUMN_SKU_PART_NUMBER=Libell_x00e9_ (internal names cannot be renamed; the setting can)',
    });
  });

  it('fails a column the run cannot read (a Date column for the monthly price)', async () => {
    const report = await doctor(
      doctorEnv(
        tenant((data) => renameColumn(data, PRICES_LIST_TITLE, 'MonthlyPrice', { internalName: 'MonthlyPrice', title: 'Monthly price', type: 'DateTime' })),
      ),
    );
    expect(check(report, `sharepoint.column.${PRICES_LIST_TITLE}.MonthlyPrice`).detail).toBe('is a DateTime column; the run reads Number or Currency or Text');
  });

  it('fails a column that does not exist at all, with the command that adds it', async () => {
    const report = await doctor(doctorEnv(tenant(), { roles: ALL_ROLES }, { SITES_COLUMN_ACTIVE: 'Enabled' }));
    expect(check(report, `sharepoint.column.${SITES_LIST_TITLE}.Enabled`).fix).toMatch(/^npm run setup -- lists adds it, or set SITES_COLUMN_ACTIVE/);
  });

  it('gives the certificate hint when SharePoint refuses a token obtained with a client secret', async () => {
    const report = await doctor(doctorEnv(tenant(), { roles: ALL_ROLES, appidacr: '1' }));
    const site = check(report, 'sharepoint.site');
    expect(site.status).toBe('fail');
    expect(site.detail).toContain('answered 401: SharePoint refused the token: Unsupported app only token.');
    expect(site.fix).toMatch(/^use a certificate .* or the managed identity: SharePoint refuses app-only tokens obtained with a client secret$/);
    expect(check(report, 'identity.secret.sharepoint').status).toBe('fail');
  });

  it('gives the hint too for "Unsupported security token."', async () => {
    const site = check(await doctor(doctorEnv(tenant(() => undefined, { sharePointRejects: 'unsupported-security-token' }))), 'sharepoint.site');
    expect(site.detail).toContain('Unsupported security token.');
    expect(site.fix).toContain('use a certificate');
  });

  it('fails a site that does not exist, pointing at SHAREPOINT_SITE_URL', async () => {
    const report = await doctor(doctorEnv(tenant(), { roles: ALL_ROLES }, { SHAREPOINT_SITE_URL: FAKE_SHAREPOINT_SITE_URL.replace('/sites/it', '/sites/rh') }));
    expect(check(report, 'sharepoint.site')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('not found (check SHAREPOINT_SITE_URL)'),
      fix: expect.stringMatching(/^SHAREPOINT_SITE_URL: /),
    });
  });

  it('fails a sites list without one active site', async () => {
    const report = await doctor(doctorEnv(tenant((data) => list(data, SITES_LIST_TITLE).items.forEach((i) => (i['Active'] = false)))));
    expect(check(report, `sharepoint.rows.${SITES_LIST_TITLE}`)).toMatchObject({ status: 'fail', detail: 'no active site: a run would report on nothing' });
  });
});
