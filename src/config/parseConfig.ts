import { MAX_MAIL_CONCURRENCY, MAX_MAILS_PER_MINUTE } from '../adapters/mail/mailLimits.js';
import { ConfigError } from '../errors.js';
import { parseOverlapExceptions } from '../insights/waste/parseOverlapExceptions.js';
import type { Config, MailTransport, ReportLocale } from './Config.js';
import { parseStorageSettings } from './parseStorageSettings.js';
import { SETTINGS } from './settings.js';

export type Env = Record<string, string | undefined>;

const LOCALES: readonly ReportLocale[] = ['fr-FR', 'en-US'];
const TRANSPORTS: readonly MailTransport[] = ['graph', 'outbox'];
const EMAIL = /^[^\s@,;<>]+@[^\s@,;<>]+\.[^\s@,;<>]+$/;

/**
 * Reads and validates every setting at once, so a misconfigured app reports all its problems
 * by name in one message instead of failing on the first.
 */
export function parseConfig(env: Env, overrides: { mailTransport?: MailTransport } = {}): Config {
  const problems: string[] = [];
  const raw = (name: string): string | undefined => {
    const value = env[name]?.trim();
    if (value) return value;
    return SETTINGS.find((s) => s.name === name)?.default;
  };
  const text = (name: string): string => raw(name) ?? '';

  const httpsUrl = (name: string): string => {
    const value = raw(name);
    if (!value) {
      problems.push(`${name} is required (absolute https URL)`);
      return '';
    }
    try {
      const url = new URL(value);
      if (url.protocol !== 'https:') problems.push(`${name} must be an https URL, got "${value}"`);
      return value.replace(/\/+$/, '');
    } catch {
      problems.push(`${name} is not a valid URL: "${value}"`);
      return '';
    }
  };

  const positiveInt = (name: string, min = 1): number => {
    const value = text(name);
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      problems.push(`${name} must be a whole number >= ${min}, got "${value}"`);
      return min;
    }
    return n;
  };

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = text(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    problems.push(`${name} must be one of ${allowed.join(', ')}, got "${value}"`);
    return allowed[0] as T;
  };

  const timeZone = text('REPORT_TIME_ZONE');
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    problems.push(`REPORT_TIME_ZONE is not an IANA time zone: "${timeZone}"`);
  }
  const currency = text('CURRENCY').toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) problems.push(`CURRENCY must be an ISO 4217 code such as EUR, got "${currency}"`);

  const mailTransport = overrides.mailTransport ?? oneOf('MAIL_TRANSPORT', TRANSPORTS);
  const mailSender = raw('MAIL_SENDER');
  const itSummaryTo = (raw('IT_SUMMARY_TO') ?? '')
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
  for (const address of itSummaryTo) {
    if (!EMAIL.test(address)) problems.push(`IT_SUMMARY_TO holds an invalid address: "${address}"`);
  }
  if (mailTransport === 'graph') {
    if (!mailSender) problems.push('MAIL_SENDER is required with MAIL_TRANSPORT=graph (the mailbox reports are sent from)');
    if (itSummaryTo.length === 0) problems.push('IT_SUMMARY_TO is required with MAIL_TRANSPORT=graph (who gets the run summary)');
  }

  const storage = parseStorageSettings(env, problems);
  // Blob leases last 15 to 60 s; a local folder takes any length (tests use a few seconds).
  const runLeaseSeconds = (): number => {
    const seconds = positiveInt('RUN_LEASE_SECONDS');
    if ((storage.storageConnectionString || storage.storageBlobServiceUri !== undefined) && (seconds < 15 || seconds > 60)) {
      problems.push(`RUN_LEASE_SECONDS must be from 15 to 60 with Blob Storage (AzureWebJobsStorage), got "${seconds}"`);
    }
    return seconds;
  };

  const positiveNumber = (name: string): number => {
    const value = text(name);
    const n = Number(value);
    if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0)) {
      problems.push(`${name} must be a positive number, got "${value}"`);
      return 1;
    }
    return n;
  };

  // A certificate needs to know whose it is; AZURE_CLIENT_ID alone names a user-assigned managed identity.
  const certificatePath = raw('AZURE_CLIENT_CERTIFICATE_PATH');
  if (certificatePath) {
    for (const name of ['AZURE_TENANT_ID', 'AZURE_CLIENT_ID']) {
      if (!raw(name)) problems.push(`${name} is required with AZURE_CLIENT_CERTIFICATE_PATH (the app registration the certificate belongs to)`);
    }
  }

  const overlap = parseOverlapExceptions(env['LICENSE_OVERLAP_EXCEPTIONS']);
  problems.push(...overlap.problems);

  const productNamesUrl = env['PRODUCT_NAMES_URL'] !== undefined && env['PRODUCT_NAMES_URL'].trim() === '' ? undefined : raw('PRODUCT_NAMES_URL');

  const config: Config = {
    sharePointSiteUrl: httpsUrl('SHAREPOINT_SITE_URL'),
    sitesListTitle: text('SITES_LIST_TITLE'),
    pricesListTitle: text('PRICES_LIST_TITLE'),
    siteColumns: {
      name: text('SITES_COLUMN_NAME'),
      code: text('SITES_COLUMN_CODE'),
      membersGroupId: text('SITES_COLUMN_MEMBERS_GROUP'),
      correspondentsGroupId: text('SITES_COLUMN_CORRESPONDENTS_GROUP'),
      active: text('SITES_COLUMN_ACTIVE'),
    },
    priceColumns: {
      commercialName: text('PRICES_COLUMN_NAME'),
      skuPartNumber: text('PRICES_COLUMN_SKU_PART_NUMBER'),
      skuId: text('PRICES_COLUMN_SKU_ID'),
      monthlyPrice: text('PRICES_COLUMN_MONTHLY_PRICE'),
    },
    graphBaseUrl: httpsUrl('GRAPH_BASE_URL'),
    locale: oneOf('REPORT_LOCALE', LOCALES),
    timeZone,
    currency,
    staticAccessToken: raw('STATIC_ACCESS_TOKEN'),
    azureTenantId: raw('AZURE_TENANT_ID'),
    azureClientId: raw('AZURE_CLIENT_ID'),
    azureClientCertificatePath: certificatePath,
    azureAuthorityHost: httpsUrl('AZURE_AUTHORITY_HOST'),
    orgName: text('ORG_NAME'),
    mailTransport,
    mailSender,
    itSummaryTo,
    outboxDir: text('OUTBOX_DIR'),
    requestTimeoutMs: positiveInt('REQUEST_TIMEOUT_MS', 100),
    runDeadlineMinutes: positiveNumber('RUN_DEADLINE_MINUTES'),
    siteConcurrency: positiveInt('SITE_CONCURRENCY'),
    mailConcurrency: Math.min(positiveInt('MAIL_CONCURRENCY'), MAX_MAIL_CONCURRENCY),
    mailsPerMinute: Math.min(positiveInt('MAILS_PER_MINUTE'), MAX_MAILS_PER_MINUTE),
    ...storage,
    runLeaseSeconds: runLeaseSeconds(),
    stateDir: text('STATE_DIR'),
    inactiveDays: positiveInt('INACTIVE_DAYS'),
    licenseOverlapExceptions: overlap.exceptions,
    productNamesUrl,
    mailBodyMaxRows: positiveInt('MAIL_BODY_MAX_ROWS'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
