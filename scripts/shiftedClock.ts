import type { Clock } from '../src/ports.js';

/**
 * A clock that starts at a fixed instant and then runs at real speed: the run reports on the
 * demo's month, yet the per-site durations it measures with the same clock stay real.
 */
export function shiftedClock(startIso: string, elapsedMs: () => number = () => performance.now()): Clock {
  const start = Date.parse(startIso);
  if (!Number.isFinite(start)) throw new Error(`JOB_NOW is not an ISO date: "${startIso}"`);
  const origin = elapsedMs();
  return { now: () => new Date(start + (elapsedMs() - origin)) };
}
