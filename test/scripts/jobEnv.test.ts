import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/parseConfig.js';
import { jobEnv } from '../../scripts/jobEnv.js';

const options = {
  server: {
    graphBaseUrl: 'https://localhost:4443/v1.0',
    sharePointSiteUrl: 'https://localhost:4443/sites/it',
    productNamesUrl: 'https://localhost:4443/msdownload/product-names.csv',
    caCertPath: '/certs/ca.crt',
  },
  data: { organisationName: 'Association Horizon', mailSender: 'rapports@horizon-asso.fr', itSummaryTo: ['dsi@horizon-asso.fr', 'rssi@horizon-asso.fr'] },
  outboxDir: 'outbox/demo/2026-10',
  stateDir: 'outbox/demo/.state',
};

describe('jobEnv', () => {
  it('points the job at the fake tenant, trusting its test CA, with outbox delivery', () => {
    const env = jobEnv({ PATH: '/usr/bin' }, { ...options, now: '2026-10-01T06:00:00Z' });
    expect(env).toMatchObject({
      PATH: '/usr/bin',
      NODE_EXTRA_CA_CERTS: '/certs/ca.crt',
      GRAPH_BASE_URL: 'https://localhost:4443/v1.0',
      SHAREPOINT_SITE_URL: 'https://localhost:4443/sites/it',
      PRODUCT_NAMES_URL: 'https://localhost:4443/msdownload/product-names.csv',
      STATIC_ACCESS_TOKEN: 'fake-token',
      MAIL_TRANSPORT: 'outbox',
      OUTBOX_DIR: 'outbox/demo/2026-10',
      STATE_DIR: 'outbox/demo/.state',
      IT_SUMMARY_TO: 'dsi@horizon-asso.fr,rssi@horizon-asso.fr',
      JOB_NOW: '2026-10-01T06:00:00Z',
    });
    const config = parseConfig(env);
    expect(config).toMatchObject({
      mailTransport: 'outbox',
      orgName: 'Association Horizon',
      locale: 'fr-FR',
      itSummaryTo: ['dsi@horizon-asso.fr', 'rssi@horizon-asso.fr'],
    });
  });

  it("never passes on the developer's own settings (real storage, real mail, a leftover clock)", () => {
    const env = jobEnv(
      {
        AzureWebJobsStorage: 'DefaultEndpointsProtocol=https;AccountKey=secret',
        MAIL_TRANSPORT: 'graph',
        SITE_CONCURRENCY: '1',
        site_concurrency: '2',
        JOB_NOW: '2020-01-01T00:00:00Z',
        HOME: '/root',
      },
      options,
    );
    expect(env['AzureWebJobsStorage']).toBeUndefined();
    expect(env['SITE_CONCURRENCY']).toBeUndefined();
    expect(env['site_concurrency']).toBeUndefined();
    expect(env['JOB_NOW']).toBeUndefined();
    expect(env['MAIL_TRANSPORT']).toBe('outbox');
    expect(env['HOME']).toBe('/root');
  });

  it('lets the caller add settings such as SITE_CONCURRENCY', () => {
    expect(jobEnv({}, { ...options, settings: { SITE_CONCURRENCY: '8', REPORT_LOCALE: 'en-US' } })).toMatchObject({
      SITE_CONCURRENCY: '8',
      REPORT_LOCALE: 'en-US',
    });
  });
});
