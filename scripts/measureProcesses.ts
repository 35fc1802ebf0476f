// The whole-process figures: what a user waits for, measured as they would run it (npm and
// Node's start included), each the median of a few runs so that one slow start on a shared machine
// does not decide the figure.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { RunResult } from '../src/types.js';
import { createFakeTenant, sampleTenantData, startFakeTenantServer } from '../test/fakeTenant/index.js';
import { jobEnv } from './jobEnv.js';
import { stageDeployment } from './stageDeployment.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ProcessRun {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Starts `command`, waits for its exit and times it, start to exit. */
export function timeProcess(command: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ProcessRun> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ ms: performance.now() - started, code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

async function medianRun(times: number, run: () => Promise<ProcessRun>): Promise<ProcessRun> {
  const runs: ProcessRun[] = [];
  for (let i = 0; i < times; i++) runs.push(await run());
  const failed = runs.find((r) => r.code !== 0);
  if (failed) throw new Error(`exited ${failed.code}: ${failed.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  const ms = median(runs.map((r) => r.ms));
  return { ...(runs.find((r) => r.ms === ms) ?? (runs[0] as ProcessRun)), ms };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** `npm run -s report -- --json` on the sample organisation served with `latencyMs` per request: time, requests, sites. */
export async function measureSampleReport(latencyMs: number, times = 3): Promise<{ ms: number; requests: number; sitesOk: number; sites: number }> {
  const tenant = createFakeTenant(sampleTenantData({ now: new Date() }), { latencyMs });
  const server = await startFakeTenantServer(tenant);
  const scratch = await mkdtemp(path.join(tmpdir(), 'm365-bench-report-'));
  const requests: number[] = [];
  try {
    let runs = 0;
    const run = await medianRun(times, async () => {
      tenant.reset();
      const dir = path.join(scratch, String(runs++));
      const env = jobEnv(process.env, { server, data: tenant.data, outboxDir: path.join(dir, 'outbox'), stateDir: path.join(dir, 'state') });
      const result = await timeProcess(npm, ['run', '-s', 'report', '--', '--json'], env);
      requests.push(tenant.requests.length);
      // Exit 1 is the sample's deleted group (one site fails by design), not a failed measure.
      return { ...result, code: result.code === 1 ? 0 : result.code };
    });
    const parsed = JSON.parse(run.stdout) as RunResult;
    return { ms: run.ms, requests: median(requests), sitesOk: parsed.totals.sitesOk, sites: parsed.totals.sites };
  } finally {
    await server.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `npm run -s report -- --help`, and the CLI alone (`node dist/src/cli.js --help`): what npm adds. */
export async function measureHelp(times = 5): Promise<{ npmMs: number; nodeMs: number }> {
  const viaNpm = await medianRun(times, () => timeProcess(npm, ['run', '-s', 'report', '--', '--help']));
  const direct = await medianRun(times, () => timeProcess(process.execPath, [path.join(ROOT, 'dist', 'src', 'cli.js'), '--help']));
  return { npmMs: viaNpm.ms, nodeMs: direct.ms };
}

/** `await import()` of the function app's entry files (package.json "main") in a fresh Node: the host's indexing at a cold start. */
export async function measureEntryImport(times = 5): Promise<number> {
  const entries = ['monthlyReport.js', 'report.js'].map((file) => pathToFileURL(path.join(ROOT, 'dist', 'functions', file)).href);
  const script = `const t = performance.now(); for (const e of ${JSON.stringify(entries)}) await import(e); process.stdout.write(String(performance.now() - t));`;
  const imports: number[] = [];
  for (let i = 0; i < times; i++) {
    const run = await timeProcess(process.execPath, ['--input-type=module', '-e', script]);
    if (run.code !== 0) throw new Error(`importing the entry files failed: ${run.stderr.trim()}`);
    imports.push(Number(run.stdout));
  }
  return median(imports);
}

/** The runtime node_modules of the deployed package: a real `npm ci --omit=dev` into a temp folder. */
export async function measureRuntimeModules(): Promise<{ bytes: number; files: number }> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'm365-bench-deploy-'));
  try {
    return (await stageDeployment(scratch)).nodeModules;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `npm test`, once: minutes. */
export async function measureTests(): Promise<{ ms: number; passed: boolean }> {
  const run = await timeProcess(npm, ['test', '--silent']);
  return { ms: run.ms, passed: run.code === 0 };
}
