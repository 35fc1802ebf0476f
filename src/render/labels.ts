// Every word the mails and the CSV show, per locale (labels.fr.ts, labels.en.ts). French is the default.
import type { SiteStep, WarningCode } from '../types.js';
import { en } from './labels.en.js';
import { fr } from './labels.fr.js';

export type RenderLocale = 'fr-FR' | 'en-US';

/** `one` is true when Intl.PluralRules says the count takes the singular. */
type Counted = (count: string, one: boolean) => string;

/** What a site mail says about its changes since the last report and its accounts to review. */
export interface SiteInsightLabels {
  accountsTitle: string;
  changesTitle: string;
  changesSince(month: string): string;
  firstReport: string;
  changesUnavailable: string;
  noChange: string;
  costIn(month: string): string;
  costDelta: string;
  arrived: Counted;
  left: Counted;
  licenseChanges: Counted;
  added(label: string): string;
  removed(label: string): string;
  reviewTitle: Counted;
  reviewIntro: string;
  reviewNone: string;
  reasons: {
    disabled: string;
    guest: string;
    inactiveSince(date: string, days: string): string;
    /** The last successful sign-in is older than `days` (lastSuccessfulSignInDateTime). */
    inactiveSinceSuccess(date: string, days: string): string;
    /** Graph does not say whether the last attempt succeeded, and it is older than `days`. */
    inactiveSinceAttempt(date: string, days: string): string;
    /** Failed attempts only since `since` (when Entra ID began recording successes). */
    noSuccessfulSignIn(since: string, lastAttempt: string): string;
    neverSignedIn(days: string): string;
  };
  inactivityForbidden: string;
  inactivityError: string;
  /** Email, licenses and cost columns are the account table's (Labels.columns). */
  columns: { account: string; reason: string };
  /** "… and 12 more": what a bounded list leaves out. */
  more: Counted;
}

/** What the run summary says about costs against last month, seats, coverage and the checks. */
export interface RunInsightLabels {
  costsTitle: string;
  costBySiteTitle: string;
  costByLicenseTitle: string;
  firstRun: string;
  partialCosts: string;
  newLine: string;
  costColumns: { site: string; license: string; delta: string };
  total: string;
  seatsTitle: string;
  seatsIntro: string;
  seatColumns: { license: string; purchased: string; assigned: string; idle: string; unitPrice: string; idleCost: string };
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
  tenantTotal: string;
  coverageColumns: { state: string; sites: string };
  inactivityForbidden: string;
  inactivityError: string;
  productNamesNone: string;
  productNamesCache(date: string): string;
  unpricedLine(sku: string, productName: string | undefined, accounts: string, one: boolean): string;
  duplicateLine(sku: string, accounts: string, one: boolean, rows: string): string;
  priceRow(rowId: string, name: string): string;
}

export interface Labels {
  lang: string;
  orgHeader(org: string): string;
  reportTitle: string;
  runOn: string;
  /** Joins Intl's medium date and short time ("1 janv. 2026 à 06:00"). */
  dateTime(date: string, time: string): string;
  siteSubject(org: string, site: string, month: string): string;
  columns: {
    lastName: string;
    firstName: string;
    email: string;
    jobTitle: string;
    site: string;
    licenses: string;
    monthlyCost: string;
  };
  notAvailable: string;
  noLicense: string;
  disabled: string;
  guest: string;
  accounts: Counted;
  siteTotal: string;
  noAccounts: string;
  largeSiteNote(total: string, shown: string, fileName: string): string;
  licenseSummaryTitle: string;
  licenseSummaryColumns: { license: string; accounts: string; monthlyCost: string };
  skippedAccounts(count: string, one: boolean, names: string): string;
  csvFilePrefix: string;
  footer: string;
  insights: SiteInsightLabels;
  summary: {
    subtitle(month: string): string;
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
    columns: { site: string; exported: string; duration: string; status: string; monthlyCost: string };
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
    failed(step: string | undefined, error: string): string;
    steps: Record<SiteStep, string>;
    totalsTitle: string;
    totalSitesLabel: string;
    totalSites(count: string, ok: string, failed: string): string;
    totalAccounts: string;
    totalCost: string;
    /** With accounts in several sites: the sum of the site totals, then the total counting each once. */
    sitesSumCost: string;
    totalCostCountedOnce: string;
    totalDuration: string;
    warningsTitle: string;
    warningHeadings: Record<WarningCode, string>;
    insights: RunInsightLabels;
  };
}

const byLocale: Record<RenderLocale, Labels> = { 'fr-FR': fr, 'en-US': en };

export function labelsFor(locale: RenderLocale): Labels {
  return byLocale[locale];
}
