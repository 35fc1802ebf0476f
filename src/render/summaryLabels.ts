// The words of the run summary (its interfaces; the words are in labels.fr.ts, labels.en.ts and the
// files they import).
import type { SiteStep, WarningCode } from '../types.js';
import type { Around, CountText, Counted } from './labels.js';
import type { WarningLabels } from './warningLabels.js';

/** What the run summary says about costs against last month, seats, coverage and the checks. */
export interface RunInsightLabels {
  costByLicenseTitle: string;
  firstRun: string;
  partialCosts: string;
  newLine: string;
  /** "octobre 2026 : 20,00 €": last month's figure under this month's. */
  thenLine(month: string, amount: string): string;
  licenseColumns: { license: string; previous: string; cost: string; delta: string };
  total: string;
  seatsTitle: string;
  seatsIntro: string;
  seatColumns: { license: string; idleCost: string };
  /** "12 achetées · 7 attribuées · 5 inutilisées × 6,30 €" (each count with whether it is singular). */
  seatLine(purchased: CountText, assigned: CountText, idle: CountText, unitPrice: string): string;
  seatStatus(status: string): string;
  /** More seats assigned than purchased (consumedUnits > prepaidUnits.enabled). */
  seatOverAssigned: Counted;
  /** prepaidUnits in a state other than enabled: about to stop (warning) or stopped. */
  seatUnits: { warning: Counted; suspended: Counted; lockedOut: Counted };
  idleTotal: string;
  coverageTitle: string;
  coveragePartial: string;
  coverageUnavailable: string;
  uncoveredTitle(count: string, one: boolean, cost: string): string;
  uncoveredNone: string;
  incompleteSites(codes: string): string;
  multiSiteTitle: Counted;
  multiSiteNote(sitesTotal: string, overcount: string, organisation: string): string;
  /** When their licenses are free: nothing was counted twice. */
  multiSiteNoteFree: string;
  inSites(codes: string): string;
  tenantTotal: string;
  inactivityForbidden: string;
  inactivityError: string;
  productNamesNone: string;
  productNamesCache(date: string): string;
  unpricedLine(sku: string, productName: string | undefined, accounts: string, one: boolean): string;
  duplicateLine(sku: string, accounts: string, one: boolean, rows: string): string;
  priceRow(rowId: string, name: string): string;
}

export interface SummaryLabels {
  subtitle(month: string): string;
  /** The subtitle of a run limited to some sites: which ones were asked for. */
  subtitleForSites(month: string, codes: string): string;
  /** The all-clear of a run limited to some sites, instead of "every site". */
  allOkForSites(codes: string): string;
  subject(org: string, month: string, status: string): string;
  subjectOk: string;
  subjectFatal: string;
  errors: Counted;
  uncertain: Counted;
  allOk: string;
  sitesFailed: Counted;
  sitesUncertain: Counted;
  fatal(reason: string): string;
  dryRun: string;
  totalCaption: string;
  /** "12 établissements : 11 OK, 1 en erreur" */
  heroSites(count: string, ok: string, failed: string): string;
  duration(duration: string): string;
  failuresTitle: Counted;
  uncertainTitle: Counted;
  technicalDetail(detail: string): string;
  ok: string;
  okOutbox: string;
  okNotSent: string;
  alreadySent: string;
  /** Already sent this month, on `when` (the ledger's date). */
  alreadySentOn(when: string): string;
  /** An earlier or uncertain attempt found in Sent Items by its key: delivered, not resent. */
  foundInSentItems(when: string | undefined): string;
  /** Sent again: the earlier attempt was not in Sent Items. */
  sentAfterReconciliation: string;
  deliveryUnknown: string;
  /** Uncertain, and the app may not read the sender's Sent Items: the permission to grant. */
  deliveryUnknownMailRead: string;
  /** Problem banner: sites left uncertain because Sent Items could not be read (403). */
  mailReadMissing: Counted;
  skipped(reason: string | undefined): string;
  failedAt(step: string | undefined): string;
  steps: Record<SiteStep, string>;
  sitesTitle: Counted;
  sitesShown(shown: string, total: string): string;
  /** Around the attached file's name, which gets a line of its own. */
  sitesAttached: Around;
  /** "35/35 comptes · 0,4 s" */
  siteLine(exported: string, total: string, duration: string): string;
  toReview: Counted;
  siteColumns: { site: string; cost: string };
  totalsTitle: string;
  totalSitesLabel: string;
  totalSites(count: string, ok: string, failed: string): string;
  totalAccounts: string;
  totalCost: string;
  /** With accounts in several sites: the sum of the site totals, then the total counting each once. */
  sitesSumCost: string;
  totalCostCountedOnce: string;
  totalDuration: string;
  savingsTitle: string;
  warningsTitle: string;
  warningHeadings: Record<WarningCode | 'checks', string>;
  warningsMore: Counted;
  csvFilePrefix: string;
  csvColumns: { site: string; code: string; exported: string; total: string; seconds: string; status: string; cost: string; costThen: string; delta: string };
  footer(org: string): string[];
  insights: RunInsightLabels;
  warnings: WarningLabels;
}
