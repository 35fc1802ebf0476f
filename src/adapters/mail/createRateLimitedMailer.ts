import pLimit from 'p-limit';
import pThrottle from 'p-throttle';
import type { Mailer, OutgoingMail, SendResult } from '../../ports.js';
import { MAX_MAIL_CONCURRENCY, MAX_MAILS_PER_MINUTE } from './mailLimits.js';

export interface RateLimitOptions {
  /** Sends in flight at once, 1..4. */
  concurrency: number;
  /** Sends started in any 60-second window, 1..30. */
  perMinute: number;
}

function checkLimit(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`createRateLimitedMailer: ${name} must be an integer from 1 to ${max} (got ${value})`);
  }
}

/**
 * Wraps a mailer so that at most `concurrency` requests to the mailbox (sends and Sent Items
 * lookups together) are in flight (p-limit) and at most `perMinute` sends
 * start in any 60-second window (p-throttle's strict mode: a sliding window, not fixed minutes).
 * A burst below the limit goes out at once; the (perMinute+1)-th send waits until the first is
 * 60 s old, and any later ones are spread after it. Sends start in call order; errors pass through.
 */
export function createRateLimitedMailer(inner: Mailer, options: RateLimitOptions): Mailer {
  checkLimit('concurrency', options.concurrency, MAX_MAIL_CONCURRENCY);
  checkLimit('perMinute', options.perMinute, MAX_MAILS_PER_MINUTE);
  const limit = pLimit(options.concurrency);
  const throttle = pThrottle({ limit: options.perMinute, interval: 60_000, strict: true });
  const send = throttle((mail: OutgoingMail) => inner.send(mail));
  // The rate slot is taken inside the concurrency slot, so a send's counted start is its real start.
  const limited: Mailer = { send: (mail: OutgoingMail): Promise<SendResult> => limit(() => send(mail)) };
  // Sent Items lookups are requests to the same mailbox: they share the 4 concurrent requests
  // (not the messages a minute, which count messages sent).
  const lookup = inner.sentItems;
  if (lookup) limited.sentItems = { find: (keys) => limit(() => lookup.find(keys)) };
  return limited;
}
