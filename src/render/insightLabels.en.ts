// English words of the insights: changes and accounts to review (site mail), costs, seats and
// coverage (run summary).
import type { RunInsightLabels, SiteInsightLabels } from './labels.js';

const plural = (one: boolean, singular: string, many: string): string => (one ? singular : many);

export const insightsEn: SiteInsightLabels = {
  accountsTitle: (n) => `Accounts of the site (${n})`,
  changesTitle: 'Changes since the last report',
  changesSince: (month) => `Changes since the ${month} report`,
  firstReport: 'First report for this site: changes will be shown from the next report on.',
  changesUnavailable: 'The comparison with the previous report could not be made this month.',
  noChange: 'No arrival, no departure, no license added or removed.',
  costIn: (month) => `Monthly cost (excl. VAT) in ${month}`,
  costDelta: 'Difference',
  arrived: (n, one) => `${plural(one, 'Arrival', 'Arrivals')} (${n})`,
  left: (n, one) => `${plural(one, 'Departure', 'Departures')} (${n})`,
  licenseChanges: (n, one) => `Licenses added or removed (${n} ${plural(one, 'account', 'accounts')})`,
  added: (label) => `+ ${label} (added)`,
  removed: (label) => `− ${label} (removed)`,
  reviewTitle: (n) => `Accounts to review (${n})`,
  reviewIntro: 'These accounts may hold a paid license for nothing: please check them.',
  reviewNone: 'No account to review this month.',
  reasons: {
    disabled: 'Disabled account still holding a paid license',
    guest: 'Guest holding a paid license',
    inactiveSince: (date, days) => `No sign-in for more than ${days} days (last on ${date})`,
    inactiveSinceSuccess: (date, days) => `No successful sign-in for more than ${days} days (last on ${date})`,
    inactiveSinceAttempt: (date, days) => `No sign-in for more than ${days} days (last attempt on ${date})`,
    noSuccessfulSignIn: (since, lastAttempt) => `No successful sign-in since ${since} (failed attempts only, last on ${lastAttempt})`,
    neverSignedIn: (days) => `Never signed in (account older than ${days} days)`,
  },
  inactivityForbidden:
    "Inactive accounts check unavailable: the Microsoft 365 tenant does not allow reading the accounts' last sign-in (an Entra ID P1 license is needed).",
  inactivityError: "Inactive accounts check unavailable this month: the accounts' last sign-in could not be read.",
  more: (n) => `… and ${n} more`,
};

export const runInsightsEn: RunInsightLabels = {
  costByLicenseTitle: 'Monthly cost by license (each account counted once)',
  firstRun: 'First month: nothing to compare with yet. The comparison with the previous month will show next month.',
  partialCosts: 'Run limited to some sites: these costs cover those sites only.',
  newLine: 'new',
  thenLine: (month, amount) => `${month}: ${amount}`,
  licenseColumns: { license: 'LICENSE', previous: 'PREVIOUS MONTH', cost: 'MONTHLY COST', delta: 'DIFFERENCE' },
  total: 'Total',
  seatsTitle: 'Licenses purchased and assigned',
  seatsIntro: 'A license purchased but assigned to nobody is paid for every month for nothing.',
  seatColumns: { license: 'LICENSE · SEATS', idleCost: 'MONTHLY COST OF IDLE SEATS' },
  seatLine: (purchased, assigned, idle, price) => `${purchased.n}\u00a0purchased · ${assigned.n}\u00a0assigned · ${idle.n}\u00a0idle\u00a0×\u00a0${price}`,
  seatStatus: (status) => `status: ${status}`,
  seatOverAssigned: (n) => `${n} more assigned than purchased`,
  seatUnits: {
    warning: (n) => `${n} in grace period (warning)`,
    suspended: (n) => `${n} suspended`,
    lockedOut: (n) => `${n} locked out (subscription cancelled)`,
  },
  idleTotal: 'Total monthly cost of idle seats',
  coverageTitle: 'Licensed accounts and sites',
  coveragePartial: 'Coverage not computed: the run was limited to some sites.',
  coverageUnavailable: "Coverage not computed: the tenant's licensed accounts could not be read.",
  uncoveredTitle: (n, one, cost) => `${n} licensed ${plural(one, 'account', 'accounts')} in no site — ${cost} a month`,
  uncoveredNone: 'Every licensed account belongs to at least one site.',
  incompleteSites: (codes) => `Sites without a report this month (${codes}): their members may appear in this list.`,
  multiSiteTitle: (n, one) => `${n} ${plural(one, 'account', 'accounts')} in more than one site`,
  multiSiteNote: (sitesTotal, overcount, organisation) =>
    `Their cost is counted once in the organisation total: ${sitesTotal} (sum of the sites) − ${overcount} (counted more than once) = ${organisation}.`,
  multiSiteNoteFree: 'Their cost is counted once in the organisation total; their licenses are free, so the sum of the sites counts nothing twice.',
  tenantTotal: 'Monthly cost of every licensed account, each counted once (in a site or in none)',
  inSites: (codes) => `Sites: ${codes}`,
  inactivityForbidden:
    'Inactive accounts not checked: reading the last sign-in (signInActivity) is refused. It needs the AuditLog.Read.All permission and an Entra ID P1 license.',
  inactivityError: "Inactive accounts not checked this month: the accounts' last sign-in could not be read (see the warnings).",
  productNamesNone: "Microsoft's product names unavailable: licenses without a price show their technical name.",
  productNamesCache: (date) => `Microsoft's product names: copy of ${date} (this month's download failed).`,
  unpricedLine: (sku, name, n, one) => `${sku}${name ? ` (${name})` : ''} — ${n} ${plural(one, 'account', 'accounts')}`,
  duplicateLine: (sku, n, one, rows) => `${sku} — ${n} ${plural(one, 'account', 'accounts')} — ${rows}`,
  priceRow: (id, name) => `row ${id} "${name}"`,
};
