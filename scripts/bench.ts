// `npm run bench`: the real job (outbox delivery) against the fake tenant served over HTTPS on
// loopback with a simulated latency, on the sample organisation and on a generated 50,000-account
// tenant. Each run is its own child process, so its peak RSS is its own. Prints the figures beside
// the issue's targets; exits 0 even when a target is missed (a measurement, not a test).
import { mkdtemp, rm } from 'node:fs/promises';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { UsageError } from '../src/errors.js';
import { SETTINGS } from '../src/config/settings.js';
import { createFakeTenant, generateTenantData, sampleTenantData, SITES_LIST_TITLE, startFakeTenantServer, type TenantData } from '../test/fakeTenant/index.js';
import { expectedRequests } from './expectedRequests.js';
import { formatBenchTable, type BenchMeasure, type BenchTargets } from './formatBenchTable.js';
import { formatTargets } from './formatTargets.js';
import { measureIssueTargets } from './issueTargets.js';
import { jobEnv } from './jobEnv.js';
import { BENCH_USAGE, parseBenchArgs, type BenchArgs, type BenchTenant } from './parseBenchArgs.js';
import { runJobInChild } from './runJobInChild.js';

const MB = 1024 * 1024;
/** The run's clock: the generated tenant's sign-in dates are anchored on 2025-01-31. */
const RUN_AT = '2025-02-01T06:00:00Z';

interface TenantSpec {
  name: string;
  build(): TenantData;
  targets: BenchTargets;
  /** Run with --dry-run (nothing recorded), as the issue measures the large tenant. */
  dryRun?: boolean;
}

const TENANTS: Record<BenchTenant, TenantSpec> = {
  small: {
    name: 'sample organisation',
    build: () => sampleTenantData({ now: new Date(RUN_AT) }),
    targets: { maxRequests: 60, maxWallMs: 2_000 },
  },
  large: {
    name: 'generated tenant',
    build: () => generateTenantData({ sites: 300, accounts: 50_000, skus: 40, seed: 1 }),
    targets: { maxWallMs: 15_000, maxRssBytes: 300 * MB },
    dryRun: true,
  },
};

const err = (text: string) => process.stderr.write(`${text}\n`);

function describe(data: TenantData, largestGroupUsers: number): string {
  const rows = data.sharePoint.lists.find((list) => list.title === SITES_LIST_TITLE)?.items ?? [];
  const active = rows.filter((row) => row['Active'] !== false).length;
  const n = new Intl.NumberFormat('en-US');
  return `${n.format(data.users.length)} accounts, ${rows.length} site rows (${active} active, largest ${n.format(largestGroupUsers)} members), ${data.skus.length} SKUs`;
}

async function measure(which: BenchTenant, args: BenchArgs): Promise<BenchMeasure> {
  const spec = TENANTS[which];
  err(`Building the ${spec.name}...`);
  const tenant = createFakeTenant(spec.build(), { latencyMs: args.latencyMs });
  const expected = expectedRequests(tenant.data);
  const scratch = await mkdtemp(path.join(tmpdir(), `m365-bench-${which}-`));
  const server = await startFakeTenantServer(tenant);
  try {
    const settings: Record<string, string> = { REPORT_TIME_ZONE: 'Europe/Paris', CURRENCY: 'EUR', ...(spec.dryRun ? { JOB_DRY_RUN: '1' } : {}) };
    if (args.siteConcurrency !== undefined) settings['SITE_CONCURRENCY'] = String(args.siteConcurrency);
    const env = jobEnv(process.env, {
      server,
      data: tenant.data,
      outboxDir: path.join(scratch, 'outbox'),
      stateDir: path.join(scratch, 'state'),
      now: RUN_AT,
      settings,
    });
    err(`Running the job on the ${spec.name} (${args.latencyMs} ms per request)...`);
    const figures = await runJobInChild(env, { echoLog: args.verbose, timeoutMs: 600_000 });
    const { result } = figures;
    if (result.fatalError) err(`  the run could not start: ${result.fatalError}`);
    for (const site of result.sites.filter((s) => s.status === 'failed').slice(0, 5)) err(`  site ${site.code} failed: ${site.error ?? ''}`);
    return {
      name: spec.name,
      description: describe(tenant.data, expected.largestGroupUsers),
      requests: tenant.countsByKind(),
      expected: { ...expected.requests },
      wallMs: figures.wallMs,
      maxRssBytes: figures.maxRssBytes,
      renderMs: figures.renderMs,
      renders: figures.calls,
      compileMs: figures.compileMs,
      sitesOk: result.totals.sitesOk,
      sites: result.totals.sites,
      targets: spec.targets,
    };
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    err(`${error.message}\n\n${BENCH_USAGE}`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return 0;
  }
  const concurrency = args.siteConcurrency ?? Number(SETTINGS.find((s) => s.name === 'SITE_CONCURRENCY')?.default);
  const measures: BenchMeasure[] = [];
  for (const which of args.only ? [args.only] : (['small', 'large'] as const)) measures.push(await measure(which, args));

  const out = (text = '') => process.stdout.write(`${text}\n`);
  out(`\nBenchmark: the real job, outbox delivery, against the fake tenant over HTTPS loopback`);
  out(`latency ${args.latencyMs} ms per request, SITE_CONCURRENCY=${concurrency}, Node ${process.version}\n`);
  out(formatBenchTable(measures));
  const rows = await measureIssueTargets(
    args,
    measures.find((m) => m.name === TENANTS.large.name),
    err,
  );
  out(`\nIssue 14: whole processes, ${os.availableParallelism()} cores, Node ${process.version}\n`);
  out(formatTargets(rows));
  const missed = measures.flatMap((m) => {
    const total = Object.values(m.requests).reduce((a, b) => a + b, 0);
    const { maxRequests, maxWallMs, maxRssBytes } = m.targets;
    return [
      ...(maxRequests !== undefined && total > maxRequests ? [`${m.name}: ${total} requests, more than ${maxRequests}`] : []),
      ...(maxWallMs !== undefined && m.wallMs >= maxWallMs
        ? [`${m.name}: wall time ${(m.wallMs / 1000).toFixed(2)} s, target under ${maxWallMs / 1000} s`]
        : []),
      ...(maxRssBytes !== undefined && m.maxRssBytes >= maxRssBytes
        ? [`${m.name}: peak RSS ${Math.round(m.maxRssBytes / MB)} MB, target under ${maxRssBytes / MB} MB`]
        : []),
      ...Object.entries(m.expected)
        .filter(([kind, n]) => (m.requests[kind] ?? 0) !== n)
        .map(([kind, n]) => `${m.name}: ${m.requests[kind] ?? 0} ${kind} requests, ${n} expected`),
    ];
  });
  for (const row of rows.filter((r) => r.met === false)) missed.push(`${row.figure}: ${row.now}, target ${row.target}`);
  out(missed.length ? `\nMISSED:\n${missed.map((line) => `- ${line}`).join('\n')}` : '\nEvery target met.');
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  err(`\nThe benchmark failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
