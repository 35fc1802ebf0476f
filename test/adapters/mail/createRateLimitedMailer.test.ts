import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRateLimitedMailer } from '../../../src/adapters/mail/createRateLimitedMailer.js';
import type { Mailer, OutgoingMail } from '../../../src/ports.js';

const mailTo = (code: string): OutgoingMail => ({
  kind: 'site',
  siteCode: code,
  to: [{ name: '', address: 'a@b.c' }],
  subject: code,
  html: '',
  attachments: [],
});

/** A mailer that takes `durationMs` (fake time) per send and records when each started. */
function slowMailer(durationMs: number) {
  const starts: Array<{ code: string; at: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const mailer: Mailer = {
    async send(mail) {
      starts.push({ code: mail.siteCode ?? '', at: Date.now() });
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      if (durationMs > 0) await new Promise((resolve) => setTimeout(resolve, durationMs));
      inFlight--;
      if (mail.siteCode === 'FAIL') throw new Error('refused');
      return { status: 'sent' };
    },
  };
  return { mailer, starts, maxInFlight: () => maxInFlight };
}

const T0 = new Date('2026-12-01T06:00:00Z').getTime();
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('createRateLimitedMailer', () => {
  it('never has more than `concurrency` sends in flight', async () => {
    const inner = slowMailer(1_000);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 4, perMinute: 30 });
    const all = Promise.all(Array.from({ length: 12 }, (_, i) => mailer.send(mailTo(`S${i}`))));
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(all).resolves.toHaveLength(12);
    expect(inner.maxInFlight()).toBe(4);
    // 12 sends of 1 s, 4 at a time: three waves.
    expect(inner.starts.map((s) => s.at - T0)).toEqual([0, 0, 0, 0, 1000, 1000, 1000, 1000, 2000, 2000, 2000, 2000]);
  });

  it('sends a burst of 11 at once: a rate over a minute, not a gap between messages', async () => {
    const inner = slowMailer(0);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 4, perMinute: 30 });
    const all = Promise.all(Array.from({ length: 11 }, (_, i) => mailer.send(mailTo(`S${i}`))));
    await vi.advanceTimersByTimeAsync(0);
    await all;
    expect(inner.starts).toHaveLength(11);
    expect(inner.starts.every((s) => s.at === T0)).toBe(true);
  });

  it('holds the 31st send until the 1st is 60 s old, in call order', async () => {
    const inner = slowMailer(0);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 4, perMinute: 30 });
    const all = Promise.all(Array.from({ length: 32 }, (_, i) => mailer.send(mailTo(`S${i}`))));
    await vi.advanceTimersByTimeAsync(59_999);
    expect(inner.starts).toHaveLength(30);
    await vi.advanceTimersByTimeAsync(1);
    expect(inner.starts).toHaveLength(31);
    await vi.advanceTimersByTimeAsync(2_000);
    await all;
    expect(inner.starts.map((s) => s.code)).toEqual(Array.from({ length: 32 }, (_, i) => `S${i}`));
    // p-throttle's strict mode spreads the waiting ones (60 s / 30 apart) rather than bunching them.
    expect(inner.starts.slice(30).map((s) => s.at - T0)).toEqual([60_000, 62_000]);
  });

  it('never starts more than `perMinute` sends in any 60-second window, over several minutes', async () => {
    const inner = slowMailer(500);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 4, perMinute: 30 });
    const all = Promise.all(Array.from({ length: 100 }, (_, i) => mailer.send(mailTo(`S${i}`))));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await all;
    const at = inner.starts.map((s) => s.at);
    for (const start of at) expect(at.filter((t) => t >= start && t < start + 60_000).length).toBeLessThanOrEqual(30);
    expect(inner.maxInFlight()).toBeLessThanOrEqual(4);
  });

  it('counts a sliding window: sends spread over a minute free their slots one by one', async () => {
    const inner = slowMailer(0);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 1, perMinute: 2 });
    await mailer.send(mailTo('A'));
    await vi.advanceTimersByTimeAsync(40_000);
    await mailer.send(mailTo('B'));
    const third = mailer.send(mailTo('C')); // A is 40 s old: C waits 20 s, not 60
    await vi.advanceTimersByTimeAsync(20_000);
    await third;
    expect(inner.starts.map((s) => s.at - T0)).toEqual([0, 40_000, 60_000]);
  });

  it('counts Sent Items lookups against the same 4 requests in flight, but not against the messages a minute', async () => {
    const inner = slowMailer(1_000);
    let inFlight = 0;
    let maxInFlight = 0;
    let lookups = 0;
    const send = inner.mailer.send;
    inner.mailer.send = async (mail) => {
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      try {
        return await send(mail);
      } finally {
        inFlight--;
      }
    };
    inner.mailer.sentItems = {
      async find() {
        lookups++;
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        inFlight--;
        return undefined;
      },
    };
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 4, perMinute: 2 });
    const all = Promise.all([
      ...Array.from({ length: 2 }, (_, i) => mailer.send(mailTo(`S${i}`))),
      ...Array.from({ length: 30 }, (_, i) => mailer.sentItems?.find([`2026-12/S${i}/k`])),
    ]);
    await vi.advanceTimersByTimeAsync(8_000);
    await all;
    expect(lookups).toBe(30); // 30 lookups and 2 sends in 8 s: far above 2 messages a minute, yet none waited for it
    expect(maxInFlight).toBe(4);
  });

  it('passes errors through and keeps sending the others', async () => {
    const inner = slowMailer(0);
    const mailer = createRateLimitedMailer(inner.mailer, { concurrency: 2, perMinute: 30 });
    const results = await Promise.allSettled(['A', 'FAIL', 'B'].map((code) => mailer.send(mailTo(code))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it.each([
    [{ concurrency: 5, perMinute: 30 }, /concurrency must be an integer from 1 to 4 \(got 5\)/],
    [{ concurrency: 0, perMinute: 30 }, /concurrency must be an integer from 1 to 4/],
    [{ concurrency: 4, perMinute: 31 }, /perMinute must be an integer from 1 to 30 \(got 31\)/],
    [{ concurrency: 4, perMinute: 1.5 }, /perMinute must be an integer/],
  ])('refuses limits above what Outlook and Exchange allow: %o', (limits, message) => {
    expect(() => createRateLimitedMailer(slowMailer(0).mailer, limits)).toThrow(message);
  });
});
