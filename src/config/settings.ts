// Every app setting the product reads: name, default and meaning in one place. parseConfig reads
// them, and tests check that local.settings.example.json and the README list each one.
import { MAX_MAIL_CONCURRENCY, MAX_MAILS_PER_MINUTE } from '../adapters/mail/mailLimits.js';

interface SettingDefinition {
  name: string;
  /** undefined = no default (required, or optional when `optional` is set). */
  default?: string;
  optional?: boolean;
  description: string;
}

export const SETTINGS: readonly SettingDefinition[] = [
  { name: 'SHAREPOINT_SITE_URL', description: 'Absolute https URL of the SharePoint site that holds both lists' },
  { name: 'SITES_LIST_TITLE', default: 'Sites', description: 'Title of the sites list' },
  { name: 'PRICES_LIST_TITLE', default: 'LicensePrices', description: 'Title of the price list' },
  { name: 'SITES_COLUMN_NAME', default: 'Title', description: 'Sites list: internal name of the site name column' },
  { name: 'SITES_COLUMN_CODE', default: 'SiteCode', description: 'Sites list: internal name of the site code column' },
  { name: 'SITES_COLUMN_MEMBERS_GROUP', default: 'MembersGroupId', description: 'Sites list: column holding the staff group id' },
  { name: 'SITES_COLUMN_CORRESPONDENTS_GROUP', default: 'CorrespondentsGroupId', description: 'Sites list: column holding the IT correspondents group id' },
  { name: 'SITES_COLUMN_ACTIVE', default: 'Active', description: 'Sites list: Yes/No column; No skips the row, missing = active' },
  { name: 'PRICES_COLUMN_NAME', default: 'Title', description: 'Price list: commercial license name column' },
  { name: 'PRICES_COLUMN_SKU_PART_NUMBER', default: 'SkuPartNumber', description: 'Price list: technical SKU name column' },
  { name: 'PRICES_COLUMN_SKU_ID', default: 'SkuId', description: 'Price list: optional SKU GUID column' },
  { name: 'PRICES_COLUMN_MONTHLY_PRICE', default: 'MonthlyPrice', description: 'Price list: monthly price column (Number, or text "25,30" / "25.30")' },
  { name: 'GRAPH_BASE_URL', default: 'https://graph.microsoft.com/v1.0', description: 'Graph root including the version (national clouds, test tenants)' },
  { name: 'REPORT_LOCALE', default: 'fr-FR', description: 'Language and number format of the mails: fr-FR or en-US' },
  { name: 'REPORT_TIME_ZONE', default: 'Europe/Paris', description: 'IANA time zone for dates and the report month' },
  { name: 'CURRENCY', default: 'EUR', description: 'ISO 4217 currency of the price list' },
  { name: 'STATIC_ACCESS_TOKEN', optional: true, description: 'Bearer token used as-is for Graph and SharePoint: local test tenants only' },
  { name: 'AZURE_TENANT_ID', optional: true, description: 'With a certificate: the tenant (directory) id of the app registration' },
  {
    name: 'AZURE_CLIENT_ID',
    optional: true,
    description: "With a certificate: the app registration's client id; otherwise the client id of a user-assigned managed identity",
  },
  {
    name: 'AZURE_CLIENT_CERTIFICATE_PATH',
    optional: true,
    description: "PEM file holding the app registration's certificate and its unencrypted private key; unset = the managed identity",
  },
  {
    name: 'AZURE_AUTHORITY_HOST',
    default: 'https://login.microsoftonline.com',
    description: 'Microsoft Entra sign-in host for certificates (national clouds: https://login.microsoftonline.us...)',
  },
  { name: 'ORG_NAME', default: 'Organisation', description: 'Organisation name in the mail header' },
  { name: 'MAIL_TRANSPORT', default: 'graph', description: 'graph (send with Graph sendMail) or outbox (write .eml files, send nothing)' },
  { name: 'MAIL_SENDER', optional: true, description: 'Mailbox (UPN or id) the reports are sent from; required with MAIL_TRANSPORT=graph' },
  {
    name: 'IT_SUMMARY_TO',
    optional: true,
    description: 'Comma-separated addresses of central IT, who get the run summary; required with MAIL_TRANSPORT=graph',
  },
  { name: 'OUTBOX_DIR', default: 'outbox', description: 'Folder for .eml/.html/.csv files with MAIL_TRANSPORT=outbox or a dry run' },
  { name: 'REPORT_SCHEDULE', default: '0 0 6 1 * *', description: 'NCRONTAB schedule of the monthly timer (UTC): 06:00 UTC on the 1st' },
  { name: 'REQUEST_TIMEOUT_MS', default: '30000', description: 'Timeout of one HTTP request to Graph or SharePoint' },
  {
    name: 'RUN_DEADLINE_MINUTES',
    default: '25',
    description:
      'Time from the start of a run after which no throttled request waits any more (its site fails, saying so); keep it under functionTimeout (Flex Consumption: 30 min by default)',
  },
  { name: 'SITE_CONCURRENCY', default: '4', description: 'Sites processed in parallel' },
  {
    name: 'MAIL_CONCURRENCY',
    default: String(MAX_MAIL_CONCURRENCY),
    description: `sendMail requests in flight per mailbox (Outlook limit: ${MAX_MAIL_CONCURRENCY})`,
  },
  {
    name: 'MAILS_PER_MINUTE',
    default: String(MAX_MAILS_PER_MINUTE),
    description: `Messages sent in any minute (Exchange Online limit: ${MAX_MAILS_PER_MINUTE})`,
  },
  { name: 'AzureWebJobsStorage', optional: true, description: "Storage connection string for the run ledger, lease and snapshots (the function app's own)" },
  {
    name: 'AzureWebJobsStorage__accountName',
    optional: true,
    description: 'Identity-based storage instead of a connection string: the storage account name (Blob service https://<name>.blob.core.windows.net)',
  },
  {
    name: 'AzureWebJobsStorage__blobServiceUri',
    optional: true,
    description: 'Identity-based storage: the Blob service URL, when it is not derived from the account name',
  },
  {
    name: 'AzureWebJobsStorage__credential',
    optional: true,
    description: 'Identity-based storage: managedidentity (with __clientId for a user-assigned identity)',
  },
  { name: 'AzureWebJobsStorage__clientId', optional: true, description: 'Identity-based storage: client id of the user-assigned managed identity' },
  {
    name: 'RUN_LEASE_SECONDS',
    default: '60',
    description:
      'Lease held by a run on its month, 15 to 60 with Blob Storage: a run that crashed blocks that month this long (locally, a dead run frees it at once)',
  },
  { name: 'STATE_DIR', default: '.data', description: 'Local folder for the ledger and snapshots when no storage is configured' },
  { name: 'INACTIVE_DAYS', default: '90', description: 'Accounts without sign-in for this many days are listed for review' },
  {
    name: 'LICENSE_OVERLAP_EXCEPTIONS',
    optional: true,
    description: 'Pairs of licenses held together on purpose, never called redundant: A+B,C+D (skuPartNumber or SKU id)',
  },
  {
    name: 'PRODUCT_NAMES_URL',
    default:
      'https://download.microsoft.com/download/e/3/e/e3e9faf2-f28b-490a-9ada-c6089a1fc5b0/Product%20names%20and%20service%20plan%20identifiers%20for%20licensing.csv',
    description: "Microsoft's product names CSV, fetched at run time and cached; empty to disable",
  },
  { name: 'MAIL_BODY_MAX_ROWS', default: '300', description: 'Rows shown in a mail body; larger sites get a summary and the full list attached' },
];
