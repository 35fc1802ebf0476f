import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { RunResult } from '../src/types.js';
import type { RenderTimings } from './timeRenderer.js';

export type JobMessage = ({ ok: true; result: RunResult; wallMs: number; maxRssBytes: number } & RenderTimings) | { ok: false; error: string };

export interface JobFigures extends RenderTimings {
  result: RunResult;
  /** From reading the settings to the end of runReport, in the child. */
  wallMs: number;
  /** The child's peak resident set size. */
  maxRssBytes: number;
  /** Whole child process, start to exit (includes loading Node and the modules). */
  processMs: number;
  /** What the child logged (stderr), for --verbose or when it crashed. */
  log: string;
}

export interface RunJobOptions {
  /** Kill the child after this long; default 10 minutes. */
  timeoutMs?: number;
  /** Stream the child's log to this process's stderr as it runs. */
  echoLog?: boolean;
}

/**
 * Runs the real job (scripts/jobChild.js) in a fresh Node process with this environment and
 * resolves with its figures. Rejects when the job itself crashed: no result, a non-zero exit,
 * a signal or the timeout; the error carries the end of the child's log.
 */
export function runJobInChild(env: NodeJS.ProcessEnv, options: RunJobOptions = {}): Promise<JobFigures> {
  const started = performance.now();
  const child = fork(fileURLToPath(new URL('./jobChild.js', import.meta.url)), [], {
    env,
    execArgv: [],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const chunks: string[] = [];
  const collect = (chunk: Buffer) => {
    chunks.push(chunk.toString('utf8'));
    if (options.echoLog) process.stderr.write(chunk);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let message: JobMessage | undefined;
  child.on('message', (received) => (message = received as JobMessage));
  const timeoutMs = options.timeoutMs ?? 600_000;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutMs);

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close', not 'exit': by then the child's stdout and stderr are fully read.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const log = chunks.join('');
      const tail = log.split('\n').slice(-30).join('\n');
      if (message?.ok) {
        const { ok: _ok, ...figures } = message;
        resolve({ ...figures, processMs: performance.now() - started, log });
        return;
      }
      const why = timedOut
        ? `did not finish within ${timeoutMs / 1000} s`
        : message
          ? `crashed: ${message.error}`
          : `exited (${signal ? `signal ${signal}` : `code ${code}`}) without a result`;
      reject(new Error(`The job ${why}${tail.trim() ? `\n--- end of its log ---\n${tail}` : ''}`));
    });
  });
}
