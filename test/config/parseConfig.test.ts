import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { SETTINGS } from '../../src/config/settings.js';
import { ConfigError } from '../../src/errors.js';

const minimal = {
  SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it/',
  MAIL_SENDER: 'rapports@contoso.org',
  IT_SUMMARY_TO: 'dsi@contoso.org, admin@contoso.org',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseConfig', () => {
  it('applies the documented defaults', () => {
    const config = parseConfig(minimal);
    expect(config).toMatchObject({
      sharePointSiteUrl: 'https://contoso.sharepoint.com/sites/it',
      sitesListTitle: 'Sites',
      pricesListTitle: 'LicensePrices',
      graphBaseUrl: 'https://graph.microsoft.com/v1.0',
      locale: 'fr-FR',
      timeZone: 'Europe/Paris',
      currency: 'EUR',
      mailTransport: 'graph',
      itSummaryTo: ['dsi@contoso.org', 'admin@contoso.org'],
      siteColumns: { name: 'Title', code: 'SiteCode', membersGroupId: 'MembersGroupId', correspondentsGroupId: 'CorrespondentsGroupId', active: 'Active' },
      priceColumns: { commercialName: 'Title', skuPartNumber: 'SkuPartNumber', skuId: 'SkuId', monthlyPrice: 'MonthlyPrice' },
      mailsPerMinute: 30,
      mailConcurrency: 4,
    });
    expect(config.staticAccessToken).toBeUndefined();
  });

  it('lets every column name be overridden', () => {
    const config = parseConfig({ ...minimal, SITES_COLUMN_CODE: 'Code_x0020_site', PRICES_COLUMN_MONTHLY_PRICE: 'Prix' });
    expect(config.siteColumns.code).toBe('Code_x0020_site');
    expect(config.priceColumns.monthlyPrice).toBe('Prix');
  });

  it('reports every bad setting by name in one error', () => {
    const problems = problemsOf({
      REPORT_LOCALE: 'de-DE',
      REPORT_TIME_ZONE: 'Mars/Olympus',
      GRAPH_BASE_URL: 'http://graph.example.org/v1.0',
      SITE_CONCURRENCY: 'many',
      IT_SUMMARY_TO: 'not-an-address',
    });
    const joined = problems.join('\n');
    for (const name of ['SHAREPOINT_SITE_URL', 'REPORT_LOCALE', 'REPORT_TIME_ZONE', 'GRAPH_BASE_URL', 'SITE_CONCURRENCY', 'IT_SUMMARY_TO', 'MAIL_SENDER']) {
      expect(joined).toContain(name);
    }
  });

  it('does not require a sender or recipients when nothing is sent', () => {
    const config = parseConfig({ SHAREPOINT_SITE_URL: minimal.SHAREPOINT_SITE_URL, MAIL_TRANSPORT: 'outbox' });
    expect(config.mailTransport).toBe('outbox');
    expect(parseConfig({ SHAREPOINT_SITE_URL: minimal.SHAREPOINT_SITE_URL }, { mailTransport: 'outbox' }).mailTransport).toBe('outbox');
  });

  it('caps mail limits at what Outlook and Exchange allow', () => {
    const config = parseConfig({ ...minimal, MAIL_CONCURRENCY: '10', MAILS_PER_MINUTE: '100' });
    expect(config.mailConcurrency).toBe(4);
    expect(config.mailsPerMinute).toBe(30);
  });

  it('bounds throttling waits by a run deadline of 25 minutes by default, fractions allowed', () => {
    expect(parseConfig(minimal).runDeadlineMinutes).toBe(25);
    expect(parseConfig({ ...minimal, RUN_DEADLINE_MINUTES: '8.5' }).runDeadlineMinutes).toBe(8.5);
    for (const bad of ['0', '-5', 'soon', '25 min']) {
      expect(problemsOf({ ...minimal, RUN_DEADLINE_MINUTES: bad })).toEqual([`RUN_DEADLINE_MINUTES must be a positive number, got "${bad}"`]);
    }
  });

  it('asks for the tenant and the app of a certificate, and lets AZURE_CLIENT_ID alone name a managed identity', () => {
    expect(problemsOf({ ...minimal, AZURE_CLIENT_CERTIFICATE_PATH: '/secrets/app.pem' })).toEqual([
      'AZURE_TENANT_ID is required with AZURE_CLIENT_CERTIFICATE_PATH (the app registration the certificate belongs to)',
      'AZURE_CLIENT_ID is required with AZURE_CLIENT_CERTIFICATE_PATH (the app registration the certificate belongs to)',
    ]);
    expect(parseConfig({ ...minimal, AZURE_CLIENT_ID: 'abc' })).toMatchObject({ azureClientId: 'abc', azureClientCertificatePath: undefined });
    expect(parseConfig(minimal).azureAuthorityHost).toBe('https://login.microsoftonline.com');
  });

  it('reads identity-based storage as the Functions host does: account name, or Blob service URI, and a user-assigned client id', () => {
    expect(parseConfig({ ...minimal, AzureWebJobsStorage__accountName: 'stlicences' })).toMatchObject({
      storageBlobServiceUri: 'https://stlicences.blob.core.windows.net',
    });
    const config = parseConfig({
      ...minimal,
      AzureWebJobsStorage__blobServiceUri: 'https://stlicences.blob.core.windows.net/',
      AzureWebJobsStorage__credential: 'managedidentity',
      AzureWebJobsStorage__clientId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    });
    expect(config).toMatchObject({
      storageBlobServiceUri: 'https://stlicences.blob.core.windows.net',
      storageClientId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f',
    });
    expect(config.storageConnectionString).toBeUndefined();
    // A connection string, when set, is what the host uses too.
    const withBoth = parseConfig({ ...minimal, AzureWebJobsStorage: 'UseDevelopmentStorage=true', AzureWebJobsStorage__accountName: 'stlicences' });
    expect(withBoth.storageConnectionString).toBe('UseDevelopmentStorage=true');
    expect(withBoth.storageBlobServiceUri).toBeUndefined();
  });

  it('names each bad identity-based storage setting', () => {
    const problems = problemsOf({
      ...minimal,
      AzureWebJobsStorage__blobServiceUri: 'http://stlicences.blob.core.windows.net',
      AzureWebJobsStorage__credential: 'clientsecret',
      AzureWebJobsStorage__clientId: 'not-a-guid',
      RUN_LEASE_SECONDS: '90',
    }).join('\n');
    for (const name of ['AzureWebJobsStorage__blobServiceUri', 'AzureWebJobsStorage__credential', 'AzureWebJobsStorage__clientId', 'RUN_LEASE_SECONDS'])
      expect(problems).toContain(name);
    expect(problemsOf({ ...minimal, AzureWebJobsStorage__accountName: 'Not_An_Account' }).join('\n')).toContain('AzureWebJobsStorage__accountName');
    expect(problemsOf({ ...minimal, AzureWebJobsStorage__clientId: '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f' }).join('\n')).toContain(
      'need AzureWebJobsStorage__accountName',
    );
  });

  it('reads LICENSE_OVERLAP_EXCEPTIONS as pairs, none by default, and names the setting and the entry of a bad one', () => {
    expect(parseConfig(minimal).licenseOverlapExceptions).toEqual([]);
    expect(
      parseConfig({ ...minimal, LICENSE_OVERLAP_EXCEPTIONS: 'standardpack+ENTERPRISEPACK; 18181A46-0D4E-45CD-891E-60AABD171B4E+SPE_E5' })
        .licenseOverlapExceptions,
    ).toEqual([
      { a: 'STANDARDPACK', b: 'ENTERPRISEPACK' },
      { a: '18181a46-0d4e-45cd-891e-60aabd171b4e', b: 'SPE_E5' },
    ]);
    const error = (() => {
      try {
        parseConfig({ ...minimal, LICENSE_OVERLAP_EXCEPTIONS: 'STANDARDPACK+ENTERPRISEPACK,E3', INACTIVE_DAYS: 'x' });
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    // Reported with every other bad setting, each by name.
    expect((error as ConfigError).problems).toEqual([
      expect.stringMatching(/^LICENSE_OVERLAP_EXCEPTIONS: "E3" is not a pair of licenses written A\+B/),
      expect.stringContaining('INACTIVE_DAYS'),
    ]);
  });

  it('treats an empty PRODUCT_NAMES_URL as "do not fetch"', () => {
    expect(parseConfig({ ...minimal, PRODUCT_NAMES_URL: '' }).productNamesUrl).toBeUndefined();
    expect(parseConfig(minimal).productNamesUrl).toMatch(/^https:\/\/download\.microsoft\.com\//);
  });
});

describe('settings documentation', () => {
  const example = JSON.parse(readFileSync('local.settings.example.json', 'utf8')) as { Values: Record<string, string> };
  const readme = readFileSync('README.md', 'utf8');
  it.each(SETTINGS.map((s) => s.name))('%s is in local.settings.example.json and the README', (name) => {
    expect(Object.keys(example.Values)).toContain(name);
    expect(readme).toContain(name);
  });
});
