// Child process of the demo and the benchmark: runs the real job once, configured by its
// environment (see jobEnv.ts), and hands its figures to the parent over IPC. A child process
// because Node reads NODE_EXTRA_CA_CERTS (trusting the fake tenant's test CA) only at start,
// and so that the peak RSS measured is this run's alone.
import { parseConfig } from '../src/config/parseConfig.js';
import { createRunDeps } from '../src/deps.js';
import { redactSecrets } from '../src/errors.js';
import type { Logger } from '../src/ports.js';
import { runReport } from '../src/run/runReport.js';
import type { JobMessage } from './runJobInChild.js';
import { shiftedClock } from './shiftedClock.js';
import { timeRenderer, type RenderTimings } from './timeRenderer.js';

const line =
  (level: string) =>
  (...args: unknown[]) =>
    process.stderr.write(`[${level}] ${args.map(String).join(' ')}\n`);
const logger: Logger = { info: line('info'), warn: line('warn'), error: line('error') };

function report(message: JobMessage): Promise<void> {
  const send = process.send?.bind(process);
  if (!send) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => send(message, undefined, {}, (error) => (error ? reject(error) : resolve())));
}

async function main(): Promise<number> {
  try {
    const started = performance.now();
    const config = parseConfig(process.env);
    const now = process.env['JOB_NOW'];
    // JOB_DRY_RUN: as `npm run report -- --dry-run` (nothing recorded, every message to the outbox).
    const dryRun = process.env['JOB_DRY_RUN'] === '1';
    const deps = createRunDeps(config, logger, { ...(now ? { clock: shiftedClock(now) } : {}), dryRun });
    const timings: RenderTimings = { compileMs: 0, renderMs: 0, calls: 0 };
    const result = await runReport({ ...deps, createRenderer: timeRenderer(deps.createRenderer, timings) }, { dryRun });
    const wallMs = performance.now() - started;
    // resourceUsage().maxRSS is in kilobytes.
    await report({ ok: true, result, wallMs, ...timings, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
    return 0;
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    await report({ ok: false, error: redactSecrets(text) }).catch(() => undefined);
    return 1;
  }
}

// Exit explicitly: idle keep-alive sockets or a lease timer must not hold the parent waiting.
process.exit(await main());
