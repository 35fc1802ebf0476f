import { describeError, HttpError } from '../../errors.js';
import type { Directory } from '../../ports.js';
import type { RunWarning } from '../../types.js';
import { insightUnavailable } from '../insightUnavailable.js';
import { parseCompanySubscriptions } from './parseCompanySubscriptions.js';
import type { SubscriptionsUnavailable } from './wasteReportTypes.js';
import type { CompanySubscription } from './wasteTypes.js';

export type SubscriptionsRead =
  | { subscriptions: CompanySubscription[]; warning?: RunWarning }
  | { subscriptions: 'unavailable'; reason: SubscriptionsUnavailable; message: string; warning?: RunWarning };

/**
 * The tenant's company subscriptions (GET /directory/subscriptions), once per run. Its least
 * privileged application permission is Organization.Read.All (directory-list-subscriptions), which
 * the app may not have: a 403 is the tenant's choice, not a failure, so the summary says the section
 * is unavailable and why, with no warning. Any other error is a warning; a subscription that cannot
 * be read is left out, and counted in a warning.
 */
export async function readCompanySubscriptions(directory: Pick<Directory, 'listCompanySubscriptions'>): Promise<SubscriptionsRead> {
  try {
    const { items, skipped } = parseCompanySubscriptions(await directory.listCompanySubscriptions());
    if (skipped.length === 0) return { subscriptions: items };
    const reason = skipped.map((item) => `${item.at}: ${item.reason}`).join('; ');
    return {
      subscriptions: items,
      warning: insightUnavailable('subscriptions', `${skipped.length} company subscription(s) could not be read and are not checked`, reason),
    };
  } catch (error) {
    const message = describeError(error);
    if (error instanceof HttpError && error.status === 403) {
      return { subscriptions: 'unavailable', reason: 'forbidden', message: `company subscriptions not readable (needs Organization.Read.All): ${message}` };
    }
    const warning = insightUnavailable(
      'subscriptions',
      `Subscriptions needing attention could not be checked this month: the company subscriptions could not be read: ${message}`,
      message,
    );
    return { subscriptions: 'unavailable', reason: 'error', message, warning };
  }
}
