import { describe, expect, it } from 'vitest';
import { summarizeRun } from '../../src/core/summarizeRun.js';
import type { SiteOutcome } from '../../src/types.js';

const outcome = (code: string, status: SiteOutcome['status'], exported: number, cents: number): SiteOutcome => ({
  code,
  name: code,
  status,
  exported,
  total: exported,
  durationMs: 1000,
  monthlyCost: cents / 100,
  monthlyCostCents: cents,
});

describe('summarizeRun', () => {
  it('counts sites and totals accounts and cost over the sites that did not fail', () => {
    const totals = summarizeRun([
      outcome('A', 'ok', 35, 22_050),
      outcome('B', 'failed', 10, 9_999),
      outcome('C', 'skipped', 5, 10),
      outcome('D', 'ok', 100, 20),
    ]);
    expect(totals).toEqual({ sites: 4, sitesOk: 3, sitesFailed: 1, accounts: 140, monthlyCostCents: 22_080, monthlyCost: 220.8 });
  });

  it('gives zeros for a run without sites', () => {
    expect(summarizeRun([])).toEqual({ sites: 0, sitesOk: 0, sitesFailed: 0, accounts: 0, monthlyCost: 0, monthlyCostCents: 0 });
  });
});
