// Exactly once across runs: a rerun sends only what is missing, a run killed at any point of a send
// resumes that way (what it left pending is looked up in Sent Items), and a second run started
// during the first is refused instead of mailing twice.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DeliveryRecord } from '../../src/ports.js';
import { lostAnswer } from '../fakeTenant/index.js';
import { buildChildCli, spawnChildCli } from './childCli.js';
import { DELIVERABLE, PERIOD, RUN_AT, SITE_HEADER, parseResult, sentSiteCodes, startE2e, summaryMails, waitUntil, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

/** The ledger's records for the month in the run's STATE_DIR, of one status. */
function ledgerRecords(e: E2e, status: DeliveryRecord['status']): DeliveryRecord[] {
  const dir = join(e.dir, 'state', 'ledger', PERIOD);
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  return names
    .map((name) => {
      try {
        return JSON.parse(readFileSync(join(dir, name), 'utf8')) as DeliveryRecord;
      } catch {
        return undefined; // being written
      }
    })
    .filter((record): record is DeliveryRecord => record?.status === status);
}

describe('exactly once', () => {
  it('sends only the summary when the month is run again, and everything again with --force', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    await e2e.run();
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);

    const rerun = await e2e.run();
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(2);
    expect(rerun.result?.sites.filter((s) => s.status === 'skipped').every((s) => s.delivery === 'already-sent')).toBe(true);
    expect(rerun.result?.sites.filter((s) => s.status === 'skipped')).toHaveLength(DELIVERABLE.length);
    // FLP never went out: the rerun tries it again (and it fails again, its group is still deleted).
    expect(rerun.result?.sites.find((s) => s.code === 'FLP')).toMatchObject({ status: 'failed', step: 'members' });

    await e2e.run(['--force']);
    expect(sentSiteCodes(tenant)).toEqual([...DELIVERABLE, ...DELIVERABLE].sort());
  });

  it('refuses a second run started while the first holds the month, naming the month and the first run', async () => {
    e2e = await startE2e();
    const { tenant } = e2e;
    // Hold run A's first sendMail until run B has been answered: A is then certainly mid-run.
    let sending!: () => void;
    const aIsSending = new Promise<void>((resolve) => (sending = resolve));
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    e2e.intercept = (request) => {
      if (!request.headers.has(SITE_HEADER)) return;
      sending();
      return gate;
    };

    const runA = e2e.run([], { REQUEST_TIMEOUT_MS: '10000' }, { runId: 'run-A' });
    await aIsSending;
    const runB = await e2e.run([], {}, { runId: 'run-B' });
    letGo();
    const a = await runA;

    expect(runB.code).toBe(3);
    expect(runB.err).toMatch(/Refused: another run for 2026-11 is in progress \(started \d{4}-\d\d-\d\dT[\d:.]+Z by run run-A\)/);
    expect(runB.result).toBeUndefined();
    expect(a.result?.runId).toBe('run-A');
    expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
    expect(summaryMails(tenant)).toHaveLength(1);
  });

  // Issue 11: SIGKILL at each point of a send. Every site is delivered exactly once in all, by reruns
  // that look up what the ledger left pending ('sending') in Sent Items.
  describe('a run killed with SIGKILL', () => {
    let childEntry = '';
    beforeAll(() => {
      childEntry = buildChildCli();
    });

    /** Runs the CLI in a child until `ready`, then kills it with SIGKILL. */
    async function killWhen(e: E2e, ready: () => boolean, what: string): Promise<void> {
      const child = spawnChildCli(childEntry, ['--json'], {
        ...e.env({ RUN_LEASE_SECONDS: '60', REQUEST_TIMEOUT_MS: '60000' }),
        NODE_EXTRA_CA_CERTS: e.server.caCertPath,
        E2E_NOW: RUN_AT.toISOString(),
      });
      try {
        await waitUntil(ready, what, 20_000);
      } catch (error) {
        child.child.kill('SIGKILL');
        throw new Error(`${String(error)}\nchild stderr:\n${child.stderr()}`);
      }
      child.child.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      expect(parseResult(child.stdout()).result).toBeUndefined(); // killed before printing anything
      e.tenant.clearFaults();
      expect(summaryMails(e.tenant)).toHaveLength(0);
    }

    /** Reruns until nothing is left to send: each site once in all, and the rerun after sends no site. */
    async function rerunUntilDelivered(e: E2e) {
      // The killed run's process is gone: its lock on the month is taken over at once, not after its 60 s.
      const rerun = await e.run();
      expect(rerun.code).toBe(1); // FLP's group is deleted
      expect(sentSiteCodes(e.tenant)).toEqual(DELIVERABLE);
      expect(summaryMails(e.tenant)).toHaveLength(1);
      const again = await e.run();
      expect(sentSiteCodes(e.tenant)).toEqual(DELIVERABLE);
      expect(
        again.result?.sites
          .filter((s) => s.delivery === 'already-sent')
          .map((s) => s.code)
          .sort(),
      ).toEqual(DELIVERABLE);
      return rerun;
    }

    it('(a) before its sends reached the mailbox: the pending sites are not in Sent Items and are sent, once', { timeout: 30_000 }, async () => {
      e2e = await startE2e();
      const { tenant } = e2e;
      // Every site report hangs before the mailbox takes it: the intents are written, nothing goes out.
      tenant.addFault({ match: { kind: 'sendMail', predicate: (r) => r.headers.has(SITE_HEADER) }, respond: 'hang' });
      await killWhen(e2e, () => (tenant.countsByKind()['sendMail'] ?? 0) === 4 && ledgerRecords(e2e!, 'sending').length === 4, 'the child to start 4 sends');
      const pending = ledgerRecords(e2e, 'sending')
        .map((r) => r.siteCode)
        .sort();
      expect(tenant.sentMail).toEqual([]);

      const rerun = await rerunUntilDelivered(e2e);
      const resent = rerun.result?.sites
        .filter((s) => s.reconciliation?.lookup === 'not-found' && s.reconciliation.resent)
        .map((s) => s.code)
        .sort();
      expect(resent).toEqual(pending);
      expect(rerun.result?.sites.filter((s) => s.status === 'ok')).toHaveLength(DELIVERABLE.length);
    });

    it('(b) between the mailbox taking a send and its "sent" record: found in Sent Items, not sent again', { timeout: 30_000 }, async () => {
      e2e = await startE2e();
      const { tenant } = e2e;
      // The mailbox takes every site report, then the answer never comes: the child dies waiting for it.
      tenant.addFault(lostAnswer({ then: 'hang', times: Number.POSITIVE_INFINITY, predicate: (r) => r.headers.has(SITE_HEADER) }));
      await killWhen(e2e, () => tenant.sentMail.length === 4 && ledgerRecords(e2e!, 'sending').length === 4, 'the mailbox to take 4 reports');
      const delivered = sentSiteCodes(tenant);
      expect(
        ledgerRecords(e2e, 'sending')
          .map((r) => r.siteCode)
          .sort(),
      ).toEqual(delivered);
      expect(ledgerRecords(e2e, 'sent')).toEqual([]);

      const rerun = await rerunUntilDelivered(e2e);
      const found = rerun.result?.sites.filter((s) => s.reconciliation?.lookup === 'found') ?? [];
      expect(found.map((s) => s.code).sort()).toEqual(delivered);
      expect(found.every((s) => s.status === 'skipped' && s.delivery === 'already-sent' && s.deliveredAt)).toBe(true);
      expect(
        ledgerRecords(e2e, 'sent')
          .filter((r) => r.confirmedBy === 'sent-items')
          .map((r) => r.siteCode)
          .sort(),
      ).toEqual(delivered);
    });

    it('(c) after some sites were recorded as sent: those are skipped, the hung ones looked up and sent, once', { timeout: 30_000 }, async () => {
      e2e = await startE2e();
      const { tenant } = e2e;
      const delivered = 5;
      // The first 5 sendMails go through, every later one hangs: the kill lands mid-run at a known point.
      let passed = 0;
      tenant.addFault({ match: { kind: 'sendMail', predicate: () => (passed < delivered ? (passed++, false) : true) }, respond: 'hang' });
      await killWhen(e2e, () => tenant.sentMail.length === delivered && ledgerRecords(e2e!, 'sent').length === delivered, 'the child to record 5 deliveries');
      const firstRunSites = sentSiteCodes(tenant);
      expect(firstRunSites).toHaveLength(delivered);

      const rerun = await rerunUntilDelivered(e2e);
      const skipped = rerun.result?.sites
        .filter((s) => s.status === 'skipped')
        .map((s) => s.code)
        .sort();
      expect(skipped).toEqual([...firstRunSites].sort());
      expect(rerun.result?.sites.filter((s) => s.status === 'skipped').every((s) => s.reconciliation === undefined)).toBe(true);
      expect(rerun.result?.sites.filter((s) => s.status === 'ok')).toHaveLength(DELIVERABLE.length - delivered);
    });
  });
});
