import type { Clock } from '../../src/ports.js';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  set(date: Date | string): void;
}

/** A clock that moves only when told to, so durations in outcomes are exact. */
export function createFakeClock(start: Date | string = '2026-02-01T06:00:00Z'): FakeClock {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
    set: (date) => {
      current = new Date(date).getTime();
    },
  };
}
