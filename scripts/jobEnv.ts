import { SETTINGS } from '../src/config/settings.js';
import type { FakeTenantServer, TenantData } from '../test/fakeTenant/index.js';

export interface JobEnvOptions {
  server: Pick<FakeTenantServer, 'graphBaseUrl' | 'sharePointSiteUrl' | 'productNamesUrl' | 'caCertPath'>;
  data: Pick<TenantData, 'organisationName' | 'mailSender' | 'itSummaryTo'>;
  outboxDir: string;
  stateDir: string;
  /** ISO instant the run believes it starts at (the child's clock); real time when absent. */
  now?: string;
  /** More settings (REPORT_LOCALE, SITE_CONCURRENCY...); they win over the defaults above. */
  settings?: Record<string, string>;
}

/**
 * The environment of a job run against the fake tenant. Every app setting the caller's shell
 * may hold is dropped first: a developer's own AzureWebJobsStorage or MAIL_TRANSPORT=graph must
 * never reach the demo, which always writes to the outbox.
 */
export function jobEnv(base: NodeJS.ProcessEnv, options: JobEnvOptions): NodeJS.ProcessEnv {
  const settingNames = new Set(SETTINGS.map((setting) => setting.name.toUpperCase()));
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(base)) {
    if (!settingNames.has(name.toUpperCase()) && name !== 'JOB_NOW' && name !== 'JOB_DRY_RUN') env[name] = value;
  }
  return {
    ...env,
    // Read by Node only at process start: the reason the job runs in a child process.
    NODE_EXTRA_CA_CERTS: options.server.caCertPath,
    SHAREPOINT_SITE_URL: options.server.sharePointSiteUrl,
    GRAPH_BASE_URL: options.server.graphBaseUrl,
    PRODUCT_NAMES_URL: options.server.productNamesUrl,
    STATIC_ACCESS_TOKEN: 'fake-token',
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: options.outboxDir,
    STATE_DIR: options.stateDir,
    ORG_NAME: options.data.organisationName,
    MAIL_SENDER: options.data.mailSender,
    IT_SUMMARY_TO: options.data.itSummaryTo.join(','),
    REPORT_LOCALE: 'fr-FR',
    ...(options.now ? { JOB_NOW: options.now } : {}),
    ...options.settings,
  };
}
