// English words of the mails and the CSV (REPORT_LOCALE=en-US).
import type { Labels } from './labels.js';
import { insightsEn, runInsightsEn } from './insightLabels.en.js';

export const en: Labels = {
  lang: 'en',
  orgHeader: (org) => `${org} IT`,
  reportTitle: 'Monthly Microsoft 365 accounts report',
  runOn: 'Run on: ',
  dateTime: (date, time) => `${date}, ${time}`,
  siteSubject: (org, site, month) => `[${org}] Microsoft 365 accounts — ${site} — ${month}`,
  columns: {
    lastName: 'LAST NAME',
    firstName: 'FIRST NAME',
    email: 'EMAIL',
    jobTitle: 'JOB TITLE',
    site: 'SITE',
    licenses: 'LICENSES',
    monthlyCost: 'MONTHLY COST (EXCL. VAT)',
  },
  notAvailable: 'N/A',
  noLicense: 'No license',
  disabled: 'Disabled',
  guest: 'Guest',
  accounts: (n, one) => `${n} ${one ? 'account' : 'accounts'}`,
  siteTotal: 'Monthly total (excl. VAT): ',
  noAccounts: "There are no accounts in this site's group.",
  largeSiteNote: (total, shown, file) =>
    `This site has ${total} accounts: only the first ${shown} are shown below. ` +
    `The full list is in the attached file ${file}.`,
  licenseSummaryTitle: 'Summary by license',
  licenseSummaryColumns: { license: 'LICENSE', accounts: 'ACCOUNTS', monthlyCost: 'MONTHLY COST (EXCL. VAT)' },
  skippedAccounts: (n, one, names) =>
    one ? `${n} account could not be exported: ${names}.` : `${n} accounts could not be exported: ${names}.`,
  csvFilePrefix: 'accounts',
  footer: 'This message is sent automatically every month by the IT department.',
  insights: insightsEn,
  summary: {
    subtitle: (month) => `Export summary — ${month}`,
    subject: (org, month, status) => `[${org}] Microsoft 365 accounts export — ${month} — ${status}`,
    subjectOk: 'OK',
    subjectFatal: 'FAILED',
    errors: (n, one) => `${n} ${one ? 'error' : 'errors'}`,
    uncertain: (n, one) => `${n} ${one ? 'uncertain delivery' : 'uncertain deliveries'}`,
    allOk: 'The accounts export ran successfully for every site!',
    sitesFailed: (n, one) => `${n} ${one ? 'site' : 'sites'} failed.`,
    sitesUncertain: (n, one) =>
      `${n} ${one ? 'uncertain delivery' : 'uncertain deliveries'}: check the mailbox's Sent Items.`,
    fatal: (reason) => `The export could not run: ${reason}`,
    dryRun: 'Dry run: no report was sent to the sites.',
    columns: {
      site: 'SITE',
      exported: 'ACCOUNTS EXPORTED',
      duration: 'TIME SPENT',
      status: 'STATUS',
      monthlyCost: 'MONTHLY COST (EXCL. VAT)',
    },
    ok: 'OK',
    okOutbox: 'OK (written to the outbox folder)',
    okNotSent: 'OK (dry run: not sent)',
    alreadySent: 'Already sent this month',
    alreadySentOn: (when) => `Already sent this month, on ${when}`,
    foundInSentItems: (when) => `Already delivered: found in Sent Items, not resent${when ? ` (sent on ${when})` : ''}`,
    sentAfterReconciliation: 'OK, sent again: the earlier attempt had not gone out',
    deliveryUnknown: 'Delivery uncertain: check the Sent Items',
    deliveryUnknownMailRead:
      "Delivery uncertain, nothing resent: the app may not read the sender mailbox's Sent Items. Grant it the " +
      'Exchange role "Application Mail.Read" scoped to that mailbox (RBAC for Applications, like "Application Mail.Send"), ' +
      'never the Graph Mail.Read permission in Entra ID.',
    mailReadMissing: (n, one) =>
      `${n} ${one ? 'uncertain delivery' : 'uncertain deliveries'} could not be checked: grant the app the Exchange role ` +
      '"Application Mail.Read" on the sender mailbox.',
    skipped: (reason) => (reason ? `Skipped: ${reason}` : 'Skipped'),
    failed: (step, error) => (step ? `Failed while ${step}: ${error}` : `Failed: ${error}`),
    steps: {
      members: 'reading group members',
      correspondents: 'reading correspondents',
      join: 'matching licenses with prices',
      render: 'rendering the report',
      send: 'sending the mail',
      ledger: 'recording the delivery',
    },
    totalsTitle: 'Totals',
    totalSitesLabel: 'Sites',
    totalSites: (n, ok, failed) => `${n} (${ok} OK, ${failed} failed)`,
    totalAccounts: 'Accounts exported',
    totalCost: 'Total monthly cost (excl. VAT)',
    sitesSumCost: 'Sum of the site totals (excl. VAT)',
    totalCostCountedOnce: 'Total monthly cost (excl. VAT), each account counted once',
    totalDuration: 'Total time',
    warningsTitle: 'Warnings',
    warningHeadings: {
      'site-row-skipped': 'Rows skipped in the sites list',
      'price-row-ignored': 'Rows ignored in the price list',
      'duplicate-price-rows': 'Duplicate price rows (shown as N/A)',
      'unpriced-sku': 'Licenses without a price (shown as N/A)',
      'account-skipped': 'Accounts not exported',
      'unknown-site-code': 'Unknown site codes',
      'insights-unavailable': 'Activity data unavailable',
    },
    insights: runInsightsEn,
  },
};
