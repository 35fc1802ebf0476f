import { describe, expect, it } from 'vitest';
import { shiftedClock } from '../../scripts/shiftedClock.js';

describe('shiftedClock', () => {
  it('starts at the demo instant and then advances with real elapsed time, so durations stay real', () => {
    let elapsed = 1_000;
    const clock = shiftedClock('2026-10-01T06:00:00Z', () => elapsed);
    expect(clock.now().toISOString()).toBe('2026-10-01T06:00:00.000Z');
    elapsed += 1_250;
    expect(clock.now().toISOString()).toBe('2026-10-01T06:00:01.250Z');
  });

  it('names JOB_NOW when the instant is not a date', () => {
    expect(() => shiftedClock('next month')).toThrow('JOB_NOW is not an ISO date: "next month"');
  });
});
