// Pure: a site's insights -> the two blocks its mail shows above the account table. Nothing at
// all when the insights could not be read (no empty heading). The lists share a line budget so
// that even the month after a migration (thousands of arrivals) leaves room for the account table.
import type { SiteInsights } from '../insights/types.js';
import type { AccountRow } from '../types.js';
import { allotLines } from './allotLines.js';
import { buildChangesView, type ChangesView } from './buildChangesView.js';
import { buildReviewView, reviewAccounts, type ReviewView } from './buildReviewView.js';
import type { Formatters } from './createFormatters.js';
import type { Text } from './viewParts.js';

/** Lines one list may show, and all the lists of one site mail together. */
const MAX_LINES_PER_LIST = 50;
const MAX_INSIGHT_LINES = 100;

export type SiteInsightsView = {
  changes: readonly ChangesView[];
  review: readonly ReviewView[];
  /** A heading over the account table, once the insights above it need one to tell them apart. */
  accountsTitle: readonly Text[];
};

export function buildSiteInsightsView(
  insights: SiteInsights | undefined,
  period: string,
  fmt: Formatters,
  accounts: readonly AccountRow[] = [],
): SiteInsightsView {
  if (!insights) return { changes: [], review: [], accountsTitle: [] };
  const changes = insights.changes;
  const compared = changes !== null && !changes.firstReport;
  const sizes = [
    compared ? changes.arrived.length : 0,
    compared ? changes.left.length : 0,
    compared ? changes.licenseChanges.length : 0,
    reviewAccounts(insights.review).length,
  ];
  const [arrived = 0, left = 0, licenses = 0, review = 0] = allotLines(sizes, MAX_INSIGHT_LINES, MAX_LINES_PER_LIST);
  const rows = new Map(accounts.map((row) => [row.userId, row]));
  const n = accounts.length;
  return {
    changes: [buildChangesView(changes, period, [arrived, left, licenses], fmt, rows)],
    review: [buildReviewView(insights, review, fmt, rows)],
    accountsTitle: [{ text: fmt.labels.insights.accountsTitle(fmt.count(n), fmt.isOne(n)) }],
  };
}
