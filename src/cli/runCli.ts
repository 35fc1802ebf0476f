import { parseConfig, type Env } from '../config/parseConfig.js';
import type { WiringOptions } from '../deps.js';
import { ConfigError, RunInProgressError, UsageError, redactSecrets } from '../errors.js';
import type { Logger } from '../ports.js';
import { describeUnknownSiteCodes } from '../triggers/describeUnknownSiteCodes.js';
import { CLI_USAGE, parseCliArgs } from './parseCliArgs.js';
import { formatRunTable } from './formatRunTable.js';

interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

const EXIT = { ok: 0, sitesFailed: 1, badInput: 2, runInProgress: 3 } as const;

/** `npm run report`: parses arguments and settings, runs, prints; returns the exit code. */
export async function runCli(argv: readonly string[], env: Env, io: CliIo, wiring: WiringOptions = {}): Promise<number> {
  let args;
  let config;
  try {
    args = parseCliArgs(argv);
    if (args.help) {
      io.out(CLI_USAGE);
      return EXIT.ok;
    }
    config = parseConfig(env, args.dryRun ? { mailTransport: 'outbox' } : {});
  } catch (error) {
    if (error instanceof UsageError) io.err(`${error.message}\n\n${CLI_USAGE}`);
    else if (error instanceof ConfigError) io.err(error.message);
    else throw error;
    return EXIT.badInput;
  }

  // Progress goes to stderr so that --json output stays parseable.
  const logger: Logger = args.json
    ? { info: () => undefined, warn: (...a) => io.err(a.join(' ')), error: (...a) => io.err(a.join(' ')) }
    : { info: (...a) => io.err(a.join(' ')), warn: (...a) => io.err(a.join(' ')), error: (...a) => io.err(a.join(' ')) };
  let result;
  try {
    // Loaded only for a run: --help and a bad argument answer at once.
    const [{ createRunDeps }, { runReport }, { findUnknownSiteCodes }] = await Promise.all([
      import('../deps.js'),
      import('../run/runReport.js'),
      import('../triggers/findUnknownSiteCodes.js'),
    ]);
    const deps = createRunDeps(config, logger, { ...wiring, dryRun: args.dryRun });
    if (args.siteCodes.length > 0) {
      // Refused before anything is locked, read or mailed. An unreadable list is left to the run,
      // which fails and still tells IT why.
      const check = await findUnknownSiteCodes(deps, args.siteCodes).catch(() => undefined);
      if (check && check.unknown.length > 0) {
        io.err(`--site: ${describeUnknownSiteCodes(check)}`);
        return EXIT.badInput;
      }
    }
    result = await runReport(deps, { siteCodes: args.siteCodes, dryRun: args.dryRun, force: args.force });
  } catch (error) {
    if (error instanceof RunInProgressError) {
      io.err(`Refused: ${error.message}`);
      return EXIT.runInProgress;
    }
    io.err(`The run failed: ${redactSecrets(error instanceof Error ? error.message : String(error))}`);
    return EXIT.sitesFailed;
  }

  io.out(args.json ? JSON.stringify(result, null, 2) : formatRunTable(result, config.locale, config.currency));
  if (!args.json && (args.dryRun || config.mailTransport === 'outbox'))
    io.out(`\nNothing was sent; the messages are in ${config.outboxDir}/ (.eml, .html, .csv)`);
  const unknown = result.warnings.find((w) => w.code === 'unknown-site-code');
  if (unknown) {
    io.err(`--site: ${unknown.message}`);
    return EXIT.badInput;
  }
  return result.fatalError || result.totals.sitesFailed > 0 ? EXIT.sitesFailed : EXIT.ok;
}
