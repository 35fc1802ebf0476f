import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { monthlyReportHandler } from '../../src/triggers/monthlyReportHandler.js';
import { createTriggerHarness } from './triggerHarness.js';

const h = createTriggerHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());
beforeEach(() => {
  h.tenant.reset();
  h.freshState();
});

const timer = { isPastDue: false, schedule: { adjustForDST: false }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };

describe('monthlyReport timer', () => {
  it('mails every deliverable site and the summary, then fails the invocation naming the failed site', async () => {
    const handler = monthlyReportHandler(h.services);
    await expect(handler(timer, h.context())).rejects.toThrow(/1 site\(s\) failed: FLP \(members: group [0-9a-f-]+ not found \(deleted\?\)\)$/);

    const siteMails = h.tenant.sentMail.filter((m) => !String(m.message['subject']).includes('Export'));
    const subjects = h.tenant.sentMail.map((m) => String(m.message['subject']));
    expect(h.tenant.sentMail.every((m) => m.from === h.env.MAIL_SENDER)).toBe(true);
    // 11 site reports (FLP's group is deleted) + 1 summary, each sent once.
    expect(h.tenant.sentMail).toHaveLength(12);
    expect(siteMails.length).toBeGreaterThanOrEqual(11);
    const summary = h.tenant.sentMail.find((m) => JSON.stringify(m.message['toRecipients']).includes('dsi@'));
    expect(summary).toBeDefined();
    expect(JSON.stringify(summary?.message['body'])).toContain('FOYER LES PINS');
    expect(subjects.some((s) => s.includes('APF'))).toBe(true);
  });

  it('sends nothing twice when run again the same month', async () => {
    const handler = monthlyReportHandler(h.services);
    await handler(timer, h.context()).catch(() => undefined);
    expect(h.tenant.sentMail).toHaveLength(12);
    h.tenant.reset();
    await handler(timer, h.context()).catch(() => undefined);
    // Only the summary goes out again: every site was already sent by the first run.
    expect(h.tenant.sentMail).toHaveLength(1);
    expect(JSON.stringify(h.tenant.sentMail[0]?.message['toRecipients'])).toContain('dsi@');
  });
});
