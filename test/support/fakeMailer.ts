import type { Mailer, OutgoingMail, SendResult, SentItemsLookup } from '../../src/ports.js';

export interface FakeMailer extends Mailer {
  /** What reached the recipients: accepted mails, and those whose answer was lost after delivery. */
  sent: OutgoingMail[];
  /** Every attempt, including those that failed. */
  attempts: OutgoingMail[];
  /**
   * The first rule whose predicate matches makes send throw its error; `delivered`: the mail went
   * out first (a lost answer), so it is received and in Sent Items.
   */
  failures: Array<{ when: (mail: OutgoingMail) => boolean; error: Error; delivered?: boolean }>;
  result: SendResult;
  /** The keys of each Sent Items lookup, in order. */
  lookups: string[][];
  /** Thrown by every lookup while set (a 403, an outage). */
  lookupFailure?: Error | undefined;
  /** No Sent Items at all, as the outbox (also when `result` is an outbox result). */
  noSentItems?: boolean;
}

/** A mailer in memory; its Sent Items hold every keyed mail it delivered, like Graph with saveToSentItems. */
export function createFakeMailer(result: SendResult = { status: 'sent' }): FakeMailer {
  const lookup: SentItemsLookup = {
    async find(keys) {
      fake.lookups.push([...keys]);
      await new Promise((resolve) => setImmediate(resolve));
      if (fake.lookupFailure) throw fake.lookupFailure;
      const found = fake.sent.find((mail) => mail.deliveryKey !== undefined && keys.includes(mail.deliveryKey));
      return found?.deliveryKey ? { key: found.deliveryKey, sentAt: '2026-02-01T06:00:07Z' } : undefined;
    },
  };
  const fake: FakeMailer = {
    sent: [],
    attempts: [],
    failures: [],
    result,
    lookups: [],
    get sentItems() {
      return fake.noSentItems || fake.result.status === 'outbox' ? undefined : lookup;
    },
    async send(mail) {
      fake.attempts.push(mail);
      await new Promise((resolve) => setImmediate(resolve));
      const failure = fake.failures.find((rule) => rule.when(mail));
      if (failure?.delivered) fake.sent.push(mail);
      if (failure) throw failure.error;
      fake.sent.push(mail);
      return fake.result;
    },
  };
  return fake;
}
