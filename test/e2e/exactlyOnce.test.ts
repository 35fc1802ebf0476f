// Exactly once across runs: a rerun sends only what is missing, a run killed halfway resumes that
// way, and a second run started during the first is refused instead of mailing twice.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildChildCli, spawnChildCli } from './childCli.js';
import { DELIVERABLE, PERIOD, RUN_AT, SITE_HEADER, parseResult, sentSiteCodes, startE2e, summaryMails, waitUntil, type E2e } from './e2eHarness.js';

let e2e: E2e | undefined;
afterEach(async () => {
  await e2e?.close();
  e2e = undefined;
});

const ledgerFiles = (e: E2e): string[] => {
  try {
    return readdirSync(join(e.dir, 'state', 'ledger', PERIOD)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
};

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

  describe('a run killed halfway', () => {
    let childEntry = '';
    beforeAll(() => {
      childEntry = buildChildCli();
    });

    it('is resumed by the next run: each site delivered once in all, and a fresh summary sent', { timeout: 30_000 }, async () => {
      e2e = await startE2e();
      const { tenant } = e2e;
      const delivered = 5;
      // The first 5 sendMails go through, every later one hangs: the kill lands mid-run at a known point.
      let passed = 0;
      tenant.addFault({ match: { kind: 'sendMail', predicate: () => (passed < delivered ? (passed++, false) : true) }, respond: 'hang' });

      const child = spawnChildCli(childEntry, ['--json'], {
        ...e2e.env({ RUN_LEASE_SECONDS: '60', REQUEST_TIMEOUT_MS: '60000' }),
        NODE_EXTRA_CA_CERTS: e2e.server.caCertPath,
        E2E_NOW: RUN_AT.toISOString(),
      });
      try {
        await waitUntil(() => tenant.sentMail.length === delivered && ledgerFiles(e2e!).length === delivered, 'the child to record 5 deliveries', 20_000);
      } catch (error) {
        child.child.kill('SIGKILL');
        throw new Error(`${String(error)}\nchild stderr:\n${child.stderr()}`);
      }
      child.child.kill('SIGKILL');
      expect(await child.exited).toBe('SIGKILL');
      tenant.clearFaults();
      const firstRunSites = sentSiteCodes(tenant);
      expect(firstRunSites).toHaveLength(delivered);
      expect(summaryMails(tenant)).toHaveLength(0);

      // The killed run's process is gone: its lock on the month is taken over at once, not after its 60 s.
      const rerun = await e2e.run();
      expect(rerun.code).toBe(1); // FLP's group is deleted
      expect(sentSiteCodes(tenant)).toEqual(DELIVERABLE);
      expect(summaryMails(tenant)).toHaveLength(1);
      const skipped = rerun.result?.sites.filter((s) => s.status === 'skipped').map((s) => s.code).sort();
      expect(skipped).toEqual([...firstRunSites].sort());
      expect(rerun.result?.sites.filter((s) => s.status === 'ok')).toHaveLength(DELIVERABLE.length - delivered);
      expect(parseResult(child.stdout()).result).toBeUndefined(); // killed before printing anything
    });
  });
});
