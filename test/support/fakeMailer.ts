import type { Mailer, OutgoingMail, SendResult } from '../../src/ports.js';

export interface FakeMailer extends Mailer {
  sent: OutgoingMail[];
  /** Every attempt, including those that failed. */
  attempts: OutgoingMail[];
  /** The first rule whose predicate matches makes send throw its error. */
  failures: Array<{ when: (mail: OutgoingMail) => boolean; error: Error }>;
  result: SendResult;
}

export function createFakeMailer(result: SendResult = { status: 'sent' }): FakeMailer {
  const fake: FakeMailer = {
    sent: [],
    attempts: [],
    failures: [],
    result,
    async send(mail) {
      fake.attempts.push(mail);
      await new Promise((resolve) => setImmediate(resolve));
      const failure = fake.failures.find((rule) => rule.when(mail));
      if (failure) throw failure.error;
      fake.sent.push(mail);
      return fake.result;
    },
  };
  return fake;
}
