// `npm run demo`: no configuration, no Azure. Serves the fake tenant over HTTPS on loopback and
// runs the real job (real Graph client, real PnPjs, outbox delivery) against it for two months,
// changing the organisation in between, then says what to look at.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatRunTable } from '../src/cli/formatRunTable.js';
import { reportPeriod } from '../src/core/reportPeriod.js';
import type { RunResult } from '../src/types.js';
import { createFakeTenant, sampleTenantData, startFakeTenantServer, type FakeTenantServer, type TenantData } from '../test/fakeTenant/index.js';
import { changeTenantForSecondMonth } from './changeTenantForSecondMonth.js';
import { formatInsights } from './formatInsights.js';
import { jobEnv } from './jobEnv.js';
import { listOutboxFiles } from './listOutboxFiles.js';
import { runJobInChild } from './runJobInChild.js';

const MONTHS = ['2026-10-01T06:00:00Z', '2026-11-01T06:00:00Z'] as const;
const LOCALE = 'fr-FR';
const CURRENCY = 'EUR';
const TIME_ZONE = 'Europe/Paris';
/** The sample's site whose staff group was deleted: the one failure the demo expects. */
const EXPECTED_FAILURE = 'FLP';

const out = (text = '') => process.stdout.write(`${text}\n`);
const compiledRoot = fileURLToPath(new URL('../../', import.meta.url)); // dist/scripts/ -> the project
const root = existsSync(path.join(compiledRoot, 'package.json')) ? compiledRoot : process.cwd();
const demoDir = path.join(root, 'outbox', 'demo');

async function runMonth(server: FakeTenantServer, data: TenantData, now: string, verbose: boolean): Promise<RunResult> {
  const period = reportPeriod(new Date(now), TIME_ZONE);
  const outboxDir = path.join(demoDir, period);
  const env = jobEnv(process.env, {
    server,
    data,
    outboxDir,
    stateDir: path.join(demoDir, '.state'),
    now,
    settings: { REPORT_LOCALE: LOCALE, CURRENCY, REPORT_TIME_ZONE: TIME_ZONE },
  });
  const figures = await runJobInChild(env, { echoLog: verbose, timeoutMs: 120_000 });
  const { result } = figures;
  out(`\n=== ${period}: run at ${now}, ${(figures.wallMs / 1000).toFixed(2)} s ===\n`);
  out(formatRunTable(result, LOCALE, CURRENCY));
  const insights = formatInsights(result, LOCALE, CURRENCY);
  if (insights.length) out(['', 'Insights:', ...insights.map((line) => `  ${line}`)].join('\n'));
  if (existsSync(outboxDir)) {
    const listing = await listOutboxFiles(outboxDir, process.cwd(), ['-summary.eml', '-SIEGE.eml', '-SIEGE.html', '-SIEGE.csv', '-APF.html', '-HUMA.html']);
    const counts = Object.entries(listing.counts)
      .map(([extension, n]) => `${n} .${extension}`)
      .join(', ');
    out(`\nNothing was sent. The messages are in ${path.relative(process.cwd(), outboxDir) || outboxDir}/ (${counts}), e.g.:`);
    for (const file of listing.files.slice(0, 6)) out(`  ${file}`);
  } else out(`\nNo message was written (${outboxDir} does not exist).`);
  return result;
}

function whatToLookAt(first: RunResult, second: RunResult): string[] {
  const site = (result: RunResult, code: string) => result.sites.find((s) => s.code === code);
  const flp = site(first, EXPECTED_FAILURE);
  const apf = site(first, 'APF');
  const unpriced = first.warnings.find((w) => w.code === 'unpriced-sku' && w.message.includes('VISIOCLIENT'));
  const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY, signDisplay: 'exceptZero' });
  const moved = second.sites.flatMap((now) => {
    const then = site(first, now.code);
    if (!then || now.status === 'failed' || (then.monthlyCostCents === now.monthlyCostCents && then.total === now.total)) return [];
    return [`${now.code} ${then.total} -> ${now.total} accounts, ${money.format((now.monthlyCostCents - then.monthlyCostCents) / 100)}`];
  });
  const [p1, p2] = [first.period, second.period];
  return [
    '',
    '=== What to look at ===',
    `- Isolation: site ${EXPECTED_FAILURE} failed (${flp?.error ?? 'no outcome?'}); the ${first.totals.sitesOk} others went out.`,
    `- APF: ${apf ? `${apf.exported}/${apf.total}` : '?'} accounts, a group beyond the old flow's 100-member limit (members read in pages of 999).`,
    `- Unpriced SKU: ${unpriced?.message ?? 'VISIOCLIENT has no row in the price list: shown as N/A, not counted in totals.'}`,
    `- ${p2} against ${p1} (the changes listed above): ${moved.length ? moved.join('; ') : 'no site changed'}.`,
    `  Open outbox/demo/${p2}/${p2}-HUMA.html (three arrivals), -PDM (a departure), -SIEGE (a license added, an E3 account disabled), -CEPSJ (a license removed).`,
    ...wasteToLookAt(second),
    `- Open outbox/demo/${p2}/${p2}-summary.eml in a mail client: the run summary central IT gets.`,
  ];
}

/** Where the second month's waste shows (issue 15). */
function wasteToLookAt(second: RunResult): string[] {
  const waste = second.insights?.waste;
  if (!waste) return ['- Waste: not computed this month (see the warnings).'];
  const money = new Intl.NumberFormat(LOCALE, { style: 'currency', currency: CURRENCY });
  const cents = (value: number) => money.format(value / 100);
  const p2 = second.period;
  return [
    `- Possible savings: ${cents(waste.savings.monthlyCents)} a month, ${cents(waste.savings.annualCents)} a year, each account once; on the first screen of every site mail.`,
    `  Open ${p2}-DDA31.html (Exchange Online (Plan 1) next to E3), -APF (Plan 1 inside Business Standard), -CEFLP (Power BI Pro in CountViolation, group named),`,
    `  -AT65 (an account never used), -CEFCS (a password-sprayed account, inactive since its last success); the CSVs end with the reasons to review.`,
    `- In the summary: the savings by category and by site, ${waste.subscriptions.length} subscriptions to act on (grace period, suspended, locked out, trial, E3 renewing), ${waste.assignmentErrors.length} assignment error(s).`,
  ];
}

async function main(argv: readonly string[]): Promise<number> {
  const unknown = argv.find((arg) => arg !== '--verbose');
  if (unknown) {
    process.stderr.write(`unknown argument "${unknown}"\nUsage: npm run demo -- [--verbose]\n`);
    return 2;
  }
  const verbose = argv.includes('--verbose');
  const started = performance.now();
  const [month1, month2] = MONTHS;
  // Sign-in dates anchored on the demo's first month, so "inactive for 90 days" means the same every time.
  const tenant = createFakeTenant(sampleTenantData({ now: new Date(month1) }));
  await rm(demoDir, { recursive: true, force: true }); // a repeatable demo: no ledger, no snapshots from last time
  const server = await startFakeTenantServer(tenant);
  try {
    out(`Fake tenant "${tenant.data.organisationName}" served at ${server.origin} (Graph ${server.graphBaseUrl}, SharePoint ${server.sharePointSiteUrl})`);
    const first = await runMonth(server, tenant.data, month1, verbose);
    const changes = changeTenantForSecondMonth(tenant.data, new Date(month2));
    out(`\nOne month later, in the tenant:\n${changes.map((change) => `  ${change}`).join('\n')}`);
    const second = await runMonth(server, tenant.data, month2, verbose);
    for (const line of whatToLookAt(first, second)) out(line);
    out(`\nDemo done in ${((performance.now() - started) / 1000).toFixed(1)} s.`);

    const problems = [first, second].flatMap((result) => [
      ...(result.fatalError ? [`${result.period}: the run could not start: ${result.fatalError}`] : []),
      ...result.sites
        .filter((s) => s.status === 'failed' && s.code !== EXPECTED_FAILURE)
        .map((s) => `${result.period}: site ${s.code} failed unexpectedly: ${s.error ?? ''}`),
      ...(result.sites.some((s) => s.code === EXPECTED_FAILURE && s.status === 'failed')
        ? []
        : [`${result.period}: site ${EXPECTED_FAILURE} should have failed (its group was deleted)`]),
    ]);
    if (problems.length) {
      process.stderr.write(`\nThe demo did not go as expected:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
      return 1;
    }
    return 0;
  } finally {
    await server.close();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`\nThe demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
