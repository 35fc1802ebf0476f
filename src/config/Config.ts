import type { OverlapException } from '../insights/waste/parseOverlapExceptions.js';

export type ReportLocale = 'fr-FR' | 'en-US';
export type MailTransport = 'graph' | 'outbox';

export interface SiteColumns {
  name: string;
  code: string;
  membersGroupId: string;
  correspondentsGroupId: string;
  active: string;
}

export interface PriceColumns {
  commercialName: string;
  skuPartNumber: string;
  skuId: string;
  monthlyPrice: string;
}

/** The validated configuration: every value typed, defaults applied. */
export interface Config {
  sharePointSiteUrl: string;
  sitesListTitle: string;
  pricesListTitle: string;
  siteColumns: SiteColumns;
  priceColumns: PriceColumns;
  graphBaseUrl: string;
  locale: ReportLocale;
  timeZone: string;
  currency: string;
  staticAccessToken?: string | undefined;
  /** Certificate credential (all three set) or user-assigned managed identity (client id alone). */
  azureTenantId?: string | undefined;
  azureClientId?: string | undefined;
  azureClientCertificatePath?: string | undefined;
  azureAuthorityHost: string;
  orgName: string;
  mailTransport: MailTransport;
  mailSender?: string | undefined;
  itSummaryTo: string[];
  outboxDir: string;
  requestTimeoutMs: number;
  /** No throttled request waits past this many minutes from the start of the run (RUN_DEADLINE_MINUTES). */
  runDeadlineMinutes: number;
  siteConcurrency: number;
  mailConcurrency: number;
  mailsPerMinute: number;
  /** AzureWebJobsStorage: a storage connection string (account key, or UseDevelopmentStorage=true). */
  storageConnectionString?: string | undefined;
  /** Identity-based storage (AzureWebJobsStorage__blobServiceUri or __accountName): the Blob service URL, reached with a token. */
  storageBlobServiceUri?: string | undefined;
  /** AzureWebJobsStorage__clientId: the user-assigned identity whose token reaches storage. */
  storageClientId?: string | undefined;
  /** Lease held on the month during a run (RUN_LEASE_SECONDS). */
  runLeaseSeconds: number;
  stateDir: string;
  inactiveDays: number;
  /** LICENSE_OVERLAP_EXCEPTIONS: pairs never called redundant (docs/decisions/license-overlap-exceptions.md). */
  licenseOverlapExceptions: OverlapException[];
  productNamesUrl?: string | undefined;
  mailBodyMaxRows: number;
}
