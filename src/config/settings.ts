// Every app setting the product reads: name, default and meaning in one place. parseConfig reads
// them, and tests check that local.settings.example.json and the README list each one.

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
  { name: 'ORG_NAME', default: 'Organisation', description: 'Organisation name in the mail header' },
  { name: 'MAIL_TRANSPORT', default: 'graph', description: 'graph (send with Graph sendMail) or outbox (write .eml files, send nothing)' },
  { name: 'MAIL_SENDER', optional: true, description: 'Mailbox (UPN or id) the reports are sent from; required with MAIL_TRANSPORT=graph' },
  { name: 'IT_SUMMARY_TO', optional: true, description: 'Comma-separated addresses of central IT, who get the run summary; required with MAIL_TRANSPORT=graph' },
  { name: 'OUTBOX_DIR', default: 'outbox', description: 'Folder for .eml/.html/.csv files with MAIL_TRANSPORT=outbox or a dry run' },
  { name: 'REPORT_SCHEDULE', default: '0 0 6 1 * *', description: 'NCRONTAB schedule of the monthly timer (UTC): 06:00 UTC on the 1st' },
  { name: 'REQUEST_TIMEOUT_MS', default: '30000', description: 'Timeout of one HTTP request to Graph or SharePoint' },
  { name: 'RETRY_GIVE_UP_MS', default: '120000', description: 'Longest time spent retrying one throttled request before its site fails' },
  { name: 'SITE_CONCURRENCY', default: '4', description: 'Sites processed in parallel' },
  { name: 'MAIL_CONCURRENCY', default: '4', description: 'sendMail requests in flight per mailbox (Outlook limit: 4)' },
  { name: 'MAILS_PER_MINUTE', default: '30', description: 'Messages sent in any minute (Exchange Online limit: 30)' },
  { name: 'AzureWebJobsStorage', optional: true, description: 'Storage connection string for the run ledger, lease and snapshots (the function app\'s own)' },
  { name: 'RUN_LEASE_SECONDS', default: '60', description: 'Lease held by a run on its month: a run that crashed blocks that month this long (15 to 60 with Blob Storage)' },
  { name: 'STATE_DIR', default: '.data', description: 'Local folder for the ledger and snapshots when no storage is configured' },
  { name: 'INACTIVE_DAYS', default: '90', description: 'Accounts without sign-in for this many days are listed for review' },
  { name: 'PRODUCT_NAMES_URL', default: 'https://download.microsoft.com/download/e/3/e/e3e9faf2-f28b-490a-9ada-c6089a1fc5b0/Product%20names%20and%20service%20plan%20identifiers%20for%20licensing.csv', description: 'Microsoft\'s product names CSV, fetched at run time and cached; empty to disable' },
  { name: 'MAIL_BODY_MAX_ROWS', default: '300', description: 'Rows shown in a mail body; larger sites get a summary and the full list attached' },
];
