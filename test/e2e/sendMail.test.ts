// sendMail is not idempotent: a send is retried only when the answer proves nothing went out (429),
// and a 5xx, timeout or dropped connection is reported as "delivery unknown", never resent by a rerun.
// Pacing: at most MAIL_CONCURRENCY sends in flight, and a burst under MAILS_PER_MINUTE never waits.
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERABLE, HANG_TIMEOUT, PERIOD, SITE_HEADER, htmlOf, sendMailOf, sentSiteCodes, startE2e, summaryMails, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

/** Which site each sendMail request carried, in order (the tenant's records do not show bodies). */
function recordSendMailAttempts(e: E2e): string[] {
  const seen: string[] = [];
  e.intercept = (request) => {
    const code = request.headers.get(SITE_HEADER);
    if (code) seen.push(code);
  };
  return seen;
}
const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

describe('sendMail faults', () => {
  it.each([
    ['a 500', { status: 500, body: { error: { code: 'ErrorInternalServerError', message: 'An internal server error occurred.' } } }],
    ['a 503 (not retried for sendMail)', { status: 503, headers: { 'Retry-After': '0.05' } }],
    ['a dropped connection', 'reset' as const],
    ['a hang', 'hang' as const],
  ])('marks a site whose sendMail got %s "delivery unknown", sends it once, and a rerun does not resend it', async (_label, respond) => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const attempts = recordSendMailAttempts(e2e);
    tenant.addFault({ match: sendMailOf('APF'), times: 1, respond });

    const first = await e2e.run(['--site', 'APF', '--site', 'SIEGE'], respond === 'hang' ? HANG_TIMEOUT : {});

    const apf = first.result?.sites.find((s) => s.code === 'APF');
    expect(apf).toMatchObject({ status: 'failed', step: 'send', delivery: 'unknown' });
    expect(apf?.error).toMatch(/may or may not have (gone out|been sent)/);
    expect(count(attempts, 'APF')).toBe(1);
    expect(sentSiteCodes(tenant)).toEqual(['SIEGE']);
    expect(first.code).toBe(1);
    const summary = summaryMails(tenant);
    expect(summary).toHaveLength(1);
    expect(htmlOf(summary[0]!)).toContain('APF');

    // The fault is spent: only the ledger's "unknown" keeps the rerun from sending APF again.
    const rerun = await e2e.run(['--site', 'APF', '--site', 'SIEGE']);
    expect(rerun.result?.sites.map((s) => [s.code, s.status, s.delivery])).toEqual([
      ['SIEGE', 'skipped', 'already-sent'],
      ['APF', 'skipped', 'unknown'],
    ]);
    expect(rerun.result?.sites.find((s) => s.code === 'APF')?.error).toMatch(/unknown.*force/);
    expect(count(attempts, 'APF')).toBe(1);
    expect(sentSiteCodes(tenant)).toEqual(['SIEGE']);
    expect(summaryMails(tenant)).toHaveLength(2);

    // Someone checked the mailbox: --force sends it on purpose.
    const forced = await e2e.run(['--force', '--site', 'APF']);
    expect(forced.result?.sites.map((s) => [s.code, s.status, s.delivery])).toEqual([['APF', 'ok', 'sent']]);
    expect(sentSiteCodes(tenant)).toEqual(['APF', 'SIEGE']);
    expect(forced.code).toBe(0);
  });

  it('retries a throttled sendMail (429 guarantees nothing was sent) and delivers it exactly once', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    const attempts = recordSendMailAttempts(e2e);
    tenant.addFault({ match: sendMailOf('APF'), times: 3, respond: { status: 429, headers: { 'Retry-After': '0.05' } } });

    const run = await e2e.run(['--site', 'APF']);

    expect(run.result?.sites.map((s) => [s.code, s.status, s.delivery])).toEqual([['APF', 'ok', 'sent']]);
    expect(count(attempts, 'APF')).toBe(4);
    expect(sentSiteCodes(tenant)).toEqual(['APF']);
    expect(run.code).toBe(0);
  });

  it('records the sites that were sent before the summary mail failed, so a rerun sends only the summary', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    tenant.addFault({ match: { kind: 'sendMail', predicate: (r) => !r.headers.has(SITE_HEADER) }, times: 1, respond: { status: 500 } });

    const first = await e2e.run();
    expect(first.result?.summaryError).toMatch(/the run summary could not be sent/);
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(0);

    const rerun = await e2e.run();
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(1);
    expect(rerun.result?.sites.filter((s) => s.delivery === 'already-sent')).toHaveLength(DELIVERABLE.length);
  });
});

describe('mail pacing', () => {
  it('sends 11 site reports and the summary without waiting, at most 4 sendMail in flight', async () => {
    // Slow answers and every site at once, so more than 4 sends would overlap without the limit.
    e2e = await startE2e({ tenantOptions: { latencyMs: 60 } });
    const { tenant } = e2e;

    const run = await e2e.run([], { SITE_CONCURRENCY: '12' });

    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(1);
    expect(tenant.maxInFlight('sendMail')).toBe(4);
    // A rate over a minute, not a gap between messages: 12 messages under 30/min go out at once
    // (spaced by 60/30 s they would take 22 s).
    const starts = tenant.requests.filter((r) => r.kind === 'sendMail').map((r) => r.startedAt);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(5_000);
    expect(run.result?.period).toBe(PERIOD);
  });

  it('keeps to a lower MAIL_CONCURRENCY', async () => {
    e2e = await startE2e({ tenantOptions: { latencyMs: 60 } });
    const { tenant } = e2e;

    await e2e.run([], { SITE_CONCURRENCY: '12', MAIL_CONCURRENCY: '2' });

    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(tenant.maxInFlight('sendMail')).toBe(2);
  });
});
