// The doctor's settings check: the run's validation, then values a run accepts but a real tenant should not keep.
import { describe, expect, it } from 'vitest';
import { createDoctorContext } from '../../src/doctor/doctorContext.js';
import { settingsChecks } from '../../src/doctor/settings.js';

const REAL = {
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it',
  MAIL_SENDER: 'rapports@contoso.org',
  IT_SUMMARY_TO: 'dsi@contoso.org',
  AzureWebJobsStorage__accountName: 'stlicreport',
};

const lines = (env: Record<string, string>) =>
  settingsChecks(createDoctorContext(env)).map((r) => `${r.status} ${r.id}${r.status === 'ok' ? '' : `: ${r.fix}`}`);

describe('doctor: settings', () => {
  it("has nothing to say about a real tenant's settings", () => {
    expect(lines(REAL)).toEqual(['ok settings.valid']);
  });

  it('names the site when SHAREPOINT_SITE_URL is a page or a list of it', () => {
    expect(lines({ ...REAL, SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it/Lists/Sites/AllItems.aspx' })).toContain(
      'warn settings.SHAREPOINT_SITE_URL: SHAREPOINT_SITE_URL=https://contoso.sharepoint.com/sites/it',
    );
    expect(lines({ ...REAL, SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it/SitePages/Home.aspx' })).toContain(
      'warn settings.SHAREPOINT_SITE_URL: SHAREPOINT_SITE_URL=https://contoso.sharepoint.com/sites/it',
    );
  });

  it('warns about values the run caps or that outlive the host', () => {
    const found = lines({
      ...REAL,
      MAIL_CONCURRENCY: '10',
      MAILS_PER_MINUTE: '100',
      RUN_DEADLINE_MINUTES: '45',
      GRAPH_BASE_URL: 'https://graph.microsoft.com/beta',
    });
    expect(found).toEqual([
      'ok settings.valid',
      'warn settings.MAIL_CONCURRENCY: MAIL_CONCURRENCY=4, or unset it',
      'warn settings.MAILS_PER_MINUTE: MAILS_PER_MINUTE=30, or unset it',
      'warn settings.RUN_DEADLINE_MINUTES: RUN_DEADLINE_MINUTES=25, or raise functionTimeout in host.json',
      'warn settings.GRAPH_BASE_URL: GRAPH_BASE_URL=https://graph.microsoft.com/v1.0',
    ]);
  });

  it('warns that a local ledger does not survive another machine', () => {
    const { AzureWebJobsStorage__accountName: _, ...local } = REAL;
    expect(lines(local)).toContain(
      'warn settings.STATE_DIR: set AzureWebJobsStorage (or AzureWebJobsStorage__accountName), as the function app does, to keep it in Blob Storage',
    );
  });

  it('fails every invalid setting by name, with where to set it', () => {
    const results = settingsChecks(createDoctorContext({ ...REAL, IT_SUMMARY_TO: 'dsi@contoso.org, not-an-address, also bad', REPORT_TIME_ZONE: 'Paris' }));
    expect(results.map((r) => r.id)).toEqual(['settings.REPORT_TIME_ZONE', 'settings.IT_SUMMARY_TO', 'settings.IT_SUMMARY_TO.2']);
    expect(results[0]).toMatchObject({
      status: 'fail',
      detail: 'REPORT_TIME_ZONE is not an IANA time zone: "Paris"',
      fix: expect.stringContaining('Function App > Settings > Environment variables'),
    });
  });
});
