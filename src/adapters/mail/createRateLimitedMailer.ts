import pLimit from 'p-limit';
import type { Clock, Mailer, OutgoingMail, SendResult } from '../../ports.js';

/** Outlook: 4 concurrent requests per app and mailbox. */
export const MAX_MAIL_CONCURRENCY = 4;
/** Exchange Online: 30 messages a minute per mailbox. */
export const MAX_MAILS_PER_MINUTE = 30;
const WINDOW_MS = 60_000;

export interface RateLimitOptions {
  /** Sends in flight at once, 1..4. */
  concurrency: number;
  /** Sends started in any 60-second window, 1..30. */
  perMinute: number;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
}

const systemClock: Clock = { now: () => new Date() };
// Looked up at call time so fake timers in tests apply.
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function checkLimit(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(`createRateLimitedMailer: ${name} must be an integer from 1 to ${max} (got ${value})`);
  }
}

/**
 * Wraps a mailer so that at most `concurrency` sends are in flight and at most `perMinute`
 * sends start in any sliding 60-second window. A burst below the limit goes out at once; the
 * (perMinute+1)-th send waits until the first is 60 s old. Errors pass through unchanged.
 */
export function createRateLimitedMailer(inner: Mailer, options: RateLimitOptions): Mailer {
  checkLimit('concurrency', options.concurrency, MAX_MAIL_CONCURRENCY);
  checkLimit('perMinute', options.perMinute, MAX_MAILS_PER_MINUTE);
  const { perMinute } = options;
  const clock = options.clock ?? systemClock;
  const sleep = options.sleep ?? realSleep;
  const limit = pLimit(options.concurrency);
  /** Start times (ms) of the most recent sends, oldest first, at most `perMinute`. */
  const starts: number[] = [];
  let turns: Promise<void> = Promise.resolve();

  // Turns are taken one at a time, in call order, so two sends cannot claim the same slot.
  const waitForTurn = (): Promise<void> => {
    const turn = turns.then(async () => {
      for (;;) {
        const now = clock.now().getTime();
        while (starts.length > 0 && (starts[0] ?? 0) <= now - WINDOW_MS) starts.shift();
        if (starts.length < perMinute) {
          starts.push(now);
          return;
        }
        await sleep((starts[0] ?? now) + WINDOW_MS - now);
      }
    });
    turns = turn.catch(() => undefined);
    return turn;
  };

  return {
    // The turn is taken inside the concurrency slot: the recorded start is the real start.
    send: (mail: OutgoingMail): Promise<SendResult> =>
      limit(async () => {
        await waitForTurn();
        return inner.send(mail);
      }),
  };
}
