import type { DeliveryRecord } from '../ports.js';
import type { SiteReport } from '../types.js';
import { failedAt, type SiteEnd } from './siteResult.js';
import { SiteStepError } from './SiteStepError.js';

/** 'unknown': the last send of this period may or may not have gone out. */
type DeliveryDecision =
  | { kind: 'to-send' }
  | { kind: 'already-sent' }
  | { kind: 'unknown'; previous: DeliveryRecord }
  | { kind: 'no-correspondents' };

/**
 * Whether this run mails the site its report. Pure. A site already sent this period is not sent
 * again unless forced, nor is one whose delivery is unknown
 * (docs/decisions/delivery-unknown-is-not-resent.md); a site without correspondents cannot be.
 */
export function decideDelivery(report: SiteReport, previous: DeliveryRecord | undefined, force: boolean): DeliveryDecision {
  if (previous && !force) return previous.status === 'sent' ? { kind: 'already-sent' } : { kind: 'unknown', previous };
  if (report.correspondents.length === 0) return { kind: 'no-correspondents' };
  return { kind: 'to-send' };
}

/** How a site the run does not mail ends. */
export function notMailed(decision: Exclude<DeliveryDecision, { kind: 'to-send' }>, report: SiteReport): SiteEnd {
  switch (decision.kind) {
    case 'already-sent':
      return { status: 'skipped', delivery: 'already-sent' };
    case 'unknown': {
      const { at, runId } = decision.previous;
      return {
        status: 'skipped',
        delivery: 'unknown',
        error: `the delivery of ${at} (run ${runId}) is unknown: check the recipients' mailbox, rerun with force to send again`,
      };
    }
    case 'no-correspondents':
      return failedAt(new SiteStepError('correspondents', `no correspondent with a mail address in group ${report.site.correspondentsGroupId}`));
  }
}
