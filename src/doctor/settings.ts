// Settings: the run's own validation (parseConfig: every problem at once, by setting name), then
// warnings for values a run accepts but that a real tenant should not keep.
import { MAX_MAIL_CONCURRENCY, MAX_MAILS_PER_MINUTE } from '../adapters/mail/mailLimits.js';
import type { Config } from '../config/Config.js';
import type { Env } from '../config/parseConfig.js';
import { SETTINGS } from '../config/settings.js';
import type { DoctorContext, InvalidSettings } from './doctorContext.js';
import { result, type CheckResult } from './runDoctor.js';

const where = (name: string): string =>
  `set ${name}: in the portal, Function App > Settings > Environment variables; with azd, azd env set ${name} … then azd provision; locally, export ${name}=…`;

// Microsoft Graph and SharePoint Online hosts of the public and national clouds (learn.microsoft.com/graph/deployments).
const GRAPH_HOSTS = ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn'];
const SHAREPOINT_HOSTS = /\.sharepoint\.(com|us|cn)$|\.sharepoint-mil\.us$/i;
// What people paste instead of the site: a list view, a page, a library ("…/sites/it/Lists/Sites/AllItems.aspx").
const PART_OF_SITE = /\/(Lists|SitePages|Shared%20Documents|Forms|_layouts)(\/|$)/i;

/** The site's own path when `path` is a page, list or library in it; undefined when it already is the site. */
function sitePathOf(path: string): string | undefined {
  const part = PART_OF_SITE.exec(path);
  if (part) return path.slice(0, part.index);
  return /\.aspx$/i.test(path) ? path.replace(/\/[^/]*$/, '') : undefined;
}

export function settingsChecks(setup: DoctorContext | InvalidSettings): CheckResult[] {
  if ('problems' in setup) {
    const seen = new Map<string, number>();
    return setup.problems.map((problem) => {
      const name = /^[A-Za-z][A-Za-z0-9_]*/.exec(problem)?.[0] ?? 'settings';
      const n = (seen.get(name) ?? 0) + 1;
      seen.set(name, n);
      return result(`settings.${name}${n > 1 ? `.${n}` : ''}`, 'fail', `Setting ${name}`, problem, where(name));
    });
  }
  const set = SETTINGS.filter((s) => setup.env[s.name]?.trim()).length;
  return [
    result('settings.valid', 'ok', 'Settings', `valid, as a run reads them: ${set} set, the others at their defaults`),
    ...riskyValues(setup.config, setup.env),
  ];
}

function riskyValues(config: Config, env: Env): CheckResult[] {
  const out: CheckResult[] = [];
  const warn = (name: string, detail: string, fix: string) => out.push(result(`settings.${name}`, 'warn', `Setting ${name}`, detail, fix));
  const raw = (name: string) => Number(env[name]?.trim() || NaN);

  if (config.staticAccessToken) {
    warn(
      'STATIC_ACCESS_TOKEN',
      'used as-is for Graph and SharePoint: for test tenants only; it expires (about an hour) and is never renewed',
      'unset STATIC_ACCESS_TOKEN: on Azure the managed identity is used; locally, a certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH)',
    );
  }
  if (config.mailTransport === 'outbox') {
    warn(
      'MAIL_TRANSPORT',
      `outbox: nothing is sent, every message is written to ${config.outboxDir}/`,
      'MAIL_TRANSPORT=graph, with MAIL_SENDER and IT_SUMMARY_TO, for real runs',
    );
  }
  if (raw('MAIL_CONCURRENCY') > MAX_MAIL_CONCURRENCY)
    warn(
      'MAIL_CONCURRENCY',
      `${raw('MAIL_CONCURRENCY')} is capped at ${MAX_MAIL_CONCURRENCY} (Outlook: 4 concurrent requests per mailbox)`,
      `MAIL_CONCURRENCY=${MAX_MAIL_CONCURRENCY}, or unset it`,
    );
  if (raw('MAILS_PER_MINUTE') > MAX_MAILS_PER_MINUTE)
    warn(
      'MAILS_PER_MINUTE',
      `${raw('MAILS_PER_MINUTE')} is capped at ${MAX_MAILS_PER_MINUTE} (Exchange Online: 30 messages a minute)`,
      `MAILS_PER_MINUTE=${MAX_MAILS_PER_MINUTE}, or unset it`,
    );
  if (config.runDeadlineMinutes >= 30) {
    warn(
      'RUN_DEADLINE_MINUTES',
      `${config.runDeadlineMinutes} min is not under Flex Consumption's default functionTimeout (30 min): the host may stop a throttled run before it names the sites left`,
      'RUN_DEADLINE_MINUTES=25, or raise functionTimeout in host.json',
    );
  }
  if (config.requestTimeoutMs < 5_000)
    warn('REQUEST_TIMEOUT_MS', `${config.requestTimeoutMs} ms: a page of 999 members can take seconds`, 'REQUEST_TIMEOUT_MS=30000, or unset it');
  if (config.inactiveDays < 30)
    warn('INACTIVE_DAYS', `${config.inactiveDays} days: people on leave or part-time show up as inactive`, 'INACTIVE_DAYS=90, or unset it');

  const graph = new URL(config.graphBaseUrl);
  if (!GRAPH_HOSTS.includes(graph.host))
    warn(
      'GRAPH_BASE_URL',
      `${graph.host} is not a Microsoft Graph endpoint (${GRAPH_HOSTS.join(', ')}): only for a test tenant`,
      'unset GRAPH_BASE_URL (https://graph.microsoft.com/v1.0)',
    );
  else if (!/^\/v1\.0\/?$/.test(graph.pathname))
    warn('GRAPH_BASE_URL', `${graph.pathname} is not /v1.0: beta answers can change without notice`, `GRAPH_BASE_URL=${graph.origin}/v1.0`);

  const site = new URL(config.sharePointSiteUrl);
  const sitePath = sitePathOf(site.pathname);
  if (sitePath !== undefined) {
    warn('SHAREPOINT_SITE_URL', `${site.pathname} looks like a page or list of the site, not the site`, `SHAREPOINT_SITE_URL=${site.origin}${sitePath}`);
  } else if (!SHAREPOINT_HOSTS.test(site.host)) {
    warn(
      'SHAREPOINT_SITE_URL',
      `${site.host} is not a SharePoint Online host (<tenant>.sharepoint.com): only for a test tenant`,
      'SHAREPOINT_SITE_URL=https://<tenant>.sharepoint.com/sites/<site>',
    );
  }
  if (config.mailTransport === 'graph' && !config.storageConnectionString && config.storageBlobServiceUri === undefined) {
    warn(
      'STATE_DIR',
      `the ledger that keeps a month from being sent twice is in the local folder ${config.stateDir}/: another machine, or a cleaned folder, sends the month again`,
      'set AzureWebJobsStorage (or AzureWebJobsStorage__accountName), as the function app does, to keep it in Blob Storage',
    );
  }
  return out;
}
