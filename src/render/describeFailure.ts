// Pure: why a site failed, as a sentence in the mail's language, recognised from its error text
// (HttpError, TimeoutError, the group lookup, the attachment budget); the error itself stays
// available as a technical detail for whoever fixes it.
import { failureReason } from '../core/failureReason.js';
import type { SiteOutcome } from '../types.js';
import type { FailureKind, WarningLabels } from './warningLabels.js';

const KINDS: readonly [FailureKind, RegExp][] = [
  ['unauthorized', /\banswered 401\b/],
  ['forbidden', /\banswered 403\b/],
  ['not-found', /\banswered 404\b/],
  ['throttled', /\banswered 429\b/],
  ['server', /\banswered 5\d\d\b/],
  ['timeout', /\bdid not answer within\b|\btimed? ?out\b/i],
  ['too-big', /\bwould weigh\b.*\bMB\b/],
  ['network', /\b(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|fetch failed|socket hang up)\b/i],
];

export interface FailureText {
  /** A sentence in the mail's language, without a final full stop. */
  reason: string;
  /** The error as the run recorded it, without its "step: " prefix. */
  technical: string;
}

export function describeFailure(site: Pick<SiteOutcome, 'step' | 'error'>, labels: WarningLabels): FailureText {
  const technical = failureReason(site);
  const group = /\bgroup (\S+) not found\b/.exec(technical);
  if (group?.[1]) return { reason: labels.groupNotFound(group[1]), technical };
  const kind = KINDS.find(([, pattern]) => pattern.test(technical))?.[0] ?? 'unknown';
  return { reason: labels.failures[kind], technical };
}
