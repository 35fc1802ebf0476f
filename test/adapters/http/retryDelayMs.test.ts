import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../src/adapters/http/retryDelayMs.js';

const backoff = { baseDelayMs: 1_000, maxDelayMs: 30_000 };
const NOW = Date.parse('2025-02-01T06:00:00Z');

describe('retryDelayMs', () => {
  it.each([
    ['0.05', 50],
    ['0.5', 500],
    ['1.5', 1_500],
    ['2', 2_000],
    [' 3 ', 3_000],
    ['0', 0],
    ['Sat, 01 Feb 2025 06:00:04 GMT', 4_000],
    ['Sat, 01 Feb 2025 05:59:00 GMT', 0],
  ])('honours Retry-After %j as %i ms', (header, expected) => {
    expect(retryDelayMs(header, 1, backoff, NOW)).toBe(expected);
  });

  it.each([
    [1, 500, 1_000],
    [2, 1_000, 2_000],
    [3, 2_000, 4_000],
    [6, 15_000, 30_000],
    [20, 15_000, 30_000],
  ])('without Retry-After, attempt %i waits between %i and %i ms (doubling, capped)', (attempt, min, max) => {
    expect(retryDelayMs(null, attempt, backoff, NOW, () => 0)).toBe(min);
    expect(retryDelayMs(null, attempt, backoff, NOW, () => 1)).toBe(max);
  });

  it('falls back to backoff when Retry-After is unreadable', () => {
    expect(retryDelayMs('soon', 1, backoff, NOW, () => 0)).toBe(500);
    expect(retryDelayMs('-1', 1, backoff, NOW, () => 0)).toBe(500);
  });
});
