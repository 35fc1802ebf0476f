import type { SiteReport } from '../types.js';
import { uncertainEarlier } from './describeUnknownDelivery.js';
import type { PriorDelivery } from './settlePrevious.js';
import { failedAt, type SiteEnd } from './siteResult.js';
import { SiteStepError } from './SiteStepError.js';

type DeliveryDecision =
  /** `resending`: an earlier attempt of this period was not in Sent Items: this one replaces it. */
  | { kind: 'to-send'; resending?: Extract<PriorDelivery, { kind: 'not-found' }> }
  | { kind: 'already-sent'; prior: Extract<PriorDelivery, { kind: 'sent' | 'found' }> }
  | { kind: 'unknown'; prior: Extract<PriorDelivery, { kind: 'unknown' }> }
  | { kind: 'no-correspondents' };

/**
 * Whether this run mails the site its report, from what is known of this period's delivery once
 * any pending attempt was looked up in Sent Items. Pure. Sent, or found there: not sent again
 * unless forced; not found: sent again; a lookup that could not tell: not sent
 * (docs/decisions/delivery-reconciliation.md). A site without correspondents cannot be mailed.
 */
export function decideDelivery(report: SiteReport, prior: PriorDelivery, force: boolean): DeliveryDecision {
  if (!force && (prior.kind === 'sent' || prior.kind === 'found')) return { kind: 'already-sent', prior };
  if (!force && prior.kind === 'unknown') return { kind: 'unknown', prior };
  if (report.correspondents.length === 0) return { kind: 'no-correspondents' };
  return !force && prior.kind === 'not-found' ? { kind: 'to-send', resending: prior } : { kind: 'to-send' };
}

/** How a site the run does not mail ends. */
export function notMailed(decision: Exclude<DeliveryDecision, { kind: 'to-send' }>, report: SiteReport): SiteEnd {
  switch (decision.kind) {
    case 'already-sent': {
      const { record } = decision.prior;
      const reconciliation = decision.prior.kind === 'found' ? { reconciliation: decision.prior.reconciliation } : {};
      const known = { ...(record.at ? { deliveredAt: record.at } : {}), ...(record.key ? { deliveryKey: record.key } : {}) };
      return { status: 'skipped', delivery: 'already-sent', ...known, ...reconciliation };
    }
    case 'unknown': {
      const { record, reconciliation } = decision.prior;
      return {
        status: 'skipped',
        delivery: 'unknown',
        ...(record.key ? { deliveryKey: record.key } : {}),
        reconciliation,
        error: uncertainEarlier(reconciliation),
      };
    }
    case 'no-correspondents':
      return failedAt(new SiteStepError('correspondents', `no correspondent with a mail address in group ${report.site.correspondentsGroupId}`));
  }
}
