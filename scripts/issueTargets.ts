// Issue 14's table, measured: whole processes on this machine beside the figures the issue found
// ("today") and its targets. Never asserted by a test: `npm run bench` prints it.
import type { BenchArgs } from './parseBenchArgs.js';
import type { BenchMeasure } from './formatBenchTable.js';
import type { TargetRow } from './formatTargets.js';
import { measureEntryImport, measureHelp, measureRuntimeModules, measureSampleReport, measureTests } from './measureProcesses.js';

const MB = 1024 * 1024;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;

export async function measureIssueTargets(args: BenchArgs, large: BenchMeasure | undefined, log: (line: string) => void): Promise<TargetRow[]> {
  log(`Timing \`npm run -s report -- --json\` on the sample organisation (${args.latencyMs} ms per request), 3 runs...`);
  const report = await measureSampleReport(args.latencyMs);
  log('Timing `npm run -s report -- --help` and the import of the function app entry, 5 runs each...');
  const help = await measureHelp();
  const entry = await measureEntryImport();
  let modules: { bytes: number; files: number } | undefined;
  if (!args.skipInstall) {
    log('Installing the runtime dependencies alone (npm ci --omit=dev into a temp folder)...');
    modules = await measureRuntimeModules();
  }
  let tests: { ms: number; passed: boolean } | undefined;
  if (args.withTests) {
    log('Running npm test (minutes)...');
    tests = await measureTests();
  }
  return [
    {
      figure: `npm run report, sample organisation at ${args.latencyMs} ms/request, after npm ci`,
      today: '6–9 s',
      now: s(report.ms),
      target: '≤ 0.8 s',
      met: report.ms <= 800,
      note: `${report.sitesOk}/${report.sites} sites ok; npm -s, Node's start and the module loading included`,
    },
    {
      figure: 'npm run report -- --help',
      today: '~0.6 s',
      now: s(help.npmMs),
      target: '≤ 0.15 s',
      met: help.npmMs <= 150,
      note: `node dist/src/cli.js --help: ${s(help.nodeMs)} (the rest is npm starting)`,
    },
    { figure: "import of the function app's entry (cold start share)", today: '~0.46 s', now: s(entry), target: '≤ 0.15 s', met: entry <= 150 },
    modules
      ? {
          figure: 'runtime node_modules (npm ci --omit=dev)',
          today: '174 MB',
          now: mb(modules.bytes),
          target: '≤ 40 MB',
          met: modules.bytes <= 40 * MB,
          note: `${modules.files} files`,
        }
      : { figure: 'runtime node_modules (npm ci --omit=dev)', today: '174 MB', now: 'not run', target: '≤ 40 MB', note: 'without --skip-install' },
    tests
      ? {
          figure: 'npm test on 2 cores',
          today: '~88 s',
          now: s(tests.ms),
          target: '≤ 45 s',
          met: tests.ms <= 45_000,
          note: tests.passed ? 'every test passed' : 'SOME TESTS FAILED',
        }
      : { figure: 'npm test on 2 cores', today: '~88 s', now: 'not run', target: '≤ 45 s', note: 'npm run bench -- --with-tests' },
    { figure: 'requests, sample organisation', today: '41', now: String(report.requests), target: '≤ 41 (unchanged or fewer)', met: report.requests <= 41 },
    large
      ? {
          figure: '50,000-account tenant, dry run',
          today: '< 60 s, < 512 MB',
          now: `${s(large.wallMs)}, ${mb(large.maxRssBytes)}`,
          target: '≤ 15 s, ≤ 300 MB',
          met: large.wallMs <= 15_000 && large.maxRssBytes <= 300 * MB,
          note: `${Object.values(large.requests).reduce((a, b) => a + b, 0)} requests`,
        }
      : { figure: '50,000-account tenant, dry run', today: '< 60 s, < 512 MB', now: 'not run', target: '≤ 15 s, ≤ 300 MB', note: 'without --only small' },
  ];
}
