import { UsageError } from '../src/errors.js';

export type BenchTenant = 'small' | 'large';

export interface BenchArgs {
  /** Simulated latency of every request to the fake tenant. */
  latencyMs: number;
  /** Both tenants when absent. */
  only?: BenchTenant;
  /** SITE_CONCURRENCY for the job; the app's default when absent. */
  siteConcurrency?: number;
  /** Stream the job's log. */
  verbose: boolean;
  help: boolean;
  /** Also time `npm test` (minutes). */
  withTests?: true;
  /** Leave out the runtime node_modules (a real `npm ci --omit=dev` into a temp folder). */
  skipInstall?: true;
}

export const BENCH_USAGE = `Usage: npm run bench -- [--latency-ms N] [--only small|large] [--site-concurrency N] [--with-tests] [--skip-install] [--verbose]

  --latency-ms N          simulated latency of every request to the fake tenant (default 50)
  --only small|large      the ~590-account sample organisation, or the generated 50,000-account tenant
  --site-concurrency N    SITE_CONCURRENCY for the job (default: the app's default, 4)
  --with-tests            also time \`npm test\` (a few minutes)
  --skip-install          leave out the runtime node_modules size (an \`npm ci --omit=dev\` into a temp folder)
  --verbose               print the job's log as it runs`;

/** Parses the benchmark's arguments (--name value or --name=value); throws UsageError naming the bad one. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { latencyMs: 50, verbose: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || next.startsWith('--')) throw new UsageError(`${name} needs a value`, name);
      return next;
    };
    const wholeNumber = (min: number): number => {
      const text = value();
      if (!/^\d+$/.test(text) || Number(text) < min) throw new UsageError(`${name} must be a whole number >= ${min}, got "${text}"`, name);
      return Number(text);
    };
    if (name === '--latency-ms') args.latencyMs = wholeNumber(0);
    else if (name === '--site-concurrency') args.siteConcurrency = wholeNumber(1);
    else if (name === '--only') {
      const text = value();
      if (text !== 'small' && text !== 'large') throw new UsageError(`--only must be small or large, got "${text}"`, name);
      args.only = text;
    } else if (name === '--verbose' && inline === undefined) args.verbose = true;
    else if (name === '--with-tests' && inline === undefined) args.withTests = true;
    else if (name === '--skip-install' && inline === undefined) args.skipInstall = true;
    else if ((name === '--help' || name === '-h') && inline === undefined) args.help = true;
    else throw new UsageError(`unknown argument "${arg}"`, arg);
  }
  return args;
}
