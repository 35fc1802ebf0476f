// Plain data builders for the render tests: a report, a run result, a render context.
import type { RenderContext } from '../../src/ports.js';
import type { AccountRow, LicenseLine, RunResult, SiteOutcome, SiteReport } from '../../src/types.js';

export const E3: LicenseLine = { skuId: 'sku-e3', label: 'Office 365 E3', monthlyPriceCents: 630, match: 'priced', skuPartNumber: 'ENTERPRISEPACK' };
export const POWER_BI_FREE: LicenseLine = {
  skuId: 'sku-pbi',
  label: 'Power BI (free)',
  monthlyPriceCents: 0,
  match: 'priced',
  skuPartNumber: 'POWER_BI_STANDARD',
};
export const VISIO_UNPRICED: LicenseLine = {
  skuId: 'sku-visio',
  label: 'VISIOCLIENT',
  monthlyPriceCents: null,
  match: 'unpriced',
  skuPartNumber: 'VISIOCLIENT',
};

export function ctxFor(locale: RenderContext['locale'], overrides: Partial<RenderContext> = {}): RenderContext {
  return {
    orgName: 'ANRAS',
    locale,
    timeZone: locale === 'fr-FR' ? 'Europe/Paris' : 'America/New_York',
    currency: locale === 'fr-FR' ? 'EUR' : 'USD',
    // 06:00 in Paris, 00:00 in New York.
    generatedAt: new Date('2026-01-01T05:00:00Z'),
    period: '2026-11',
    mailBodyMaxRows: 300,
    ...overrides,
  };
}

export function row(overrides: Partial<AccountRow> = {}): AccountRow {
  const licenses = overrides.licenses ?? [E3, POWER_BI_FREE];
  return {
    userId: 'u-dupont',
    lastName: 'Dupont',
    firstName: 'Jeanne',
    email: 'jeanne.dupont@contoso.fr',
    jobTitle: 'Éducatrice spécialisée',
    siteName: 'Siège social',
    licenses,
    monthlyCostCents: licenses.reduce((sum, line) => sum + (line.monthlyPriceCents ?? 0), 0),
    disabled: false,
    guest: false,
    ...overrides,
  };
}

export function report(rows: AccountRow[], overrides: Partial<SiteReport> = {}): SiteReport {
  return {
    site: { code: 'SIEGE', name: 'Siège social', membersGroupId: 'g-members', correspondentsGroupId: 'g-it', rowId: 1 },
    rows,
    skipped: [],
    exported: rows.length,
    total: rows.length,
    monthlyCostCents: rows.reduce((sum, r) => sum + r.monthlyCostCents, 0),
    correspondents: [{ name: 'IT Siège', address: 'it-siege@contoso.fr' }],
    ...overrides,
  };
}

/** `count` accounts with realistic value lengths and 1 to 3 licenses each. */
export function largeReport(count: number): SiteReport {
  const rows = Array.from({ length: count }, (_, i) =>
    row({
      userId: `u-${i}`,
      lastName: `Nom-${i}`,
      firstName: `Prénom${i}`,
      email: `prenom${i}.nom-${i}@etablissement-exemple.fr`,
      jobTitle: i % 2 ? 'Éducateur spécialisé' : 'Assistante de direction',
      licenses: [E3, POWER_BI_FREE, VISIO_UNPRICED].slice(0, 1 + (i % 3)),
    }),
  );
  return report(rows);
}

/** A site outcome; an override of `undefined` removes that field's default. */
export function outcome(overrides: { [K in keyof SiteOutcome]?: SiteOutcome[K] | undefined } = {}): SiteOutcome {
  return {
    code: 'SIEGE',
    name: 'Siège social',
    status: 'ok',
    exported: 35,
    total: 35,
    durationMs: 132_000,
    monthlyCost: 220.5,
    monthlyCostCents: 22_050,
    delivery: 'sent',
    ...overrides,
  } as SiteOutcome;
}

export function runResult(sites: SiteOutcome[], overrides: Partial<RunResult> = {}): RunResult {
  const ok = sites.filter((s) => s.status === 'ok').length;
  const failed = sites.filter((s) => s.status === 'failed').length;
  const cents = sites.reduce((sum, s) => sum + s.monthlyCostCents, 0);
  return {
    runId: 'run-1',
    startedAt: '2026-12-01T05:00:00.000Z',
    finishedAt: '2026-12-01T05:03:12.000Z',
    period: '2026-11',
    dryRun: false,
    sites,
    totals: {
      sites: sites.length,
      sitesOk: ok,
      sitesFailed: failed,
      accounts: sites.reduce((sum, s) => sum + s.exported, 0),
      monthlyCost: cents / 100,
      monthlyCostCents: cents,
    },
    warnings: [],
    ...overrides,
  };
}

/** The CSV text without its BOM, and whether it had one. */
export function decodeCsv(content: Uint8Array): { bom: boolean; text: string } {
  const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf;
  return { bom, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bom ? content.subarray(3) : content) };
}
