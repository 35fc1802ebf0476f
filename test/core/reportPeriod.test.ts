import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/core/formatDuration.js';
import { isPeriod, reportPeriod } from '../../src/core/reportPeriod.js';

describe('reportPeriod', () => {
  it.each([
    ['2026-01-31T23:30:00Z', 'Europe/Paris', '2026-02'],
    ['2026-01-31T22:59:00Z', 'Europe/Paris', '2026-01'],
    ['2026-03-31T22:30:00Z', 'Europe/Paris', '2026-04'], // summer time: UTC+2
    ['2026-03-31T21:59:00Z', 'Europe/Paris', '2026-03'],
    ['2025-12-31T23:00:00Z', 'Europe/Paris', '2026-01'],
    ['2026-01-31T23:30:00Z', 'UTC', '2026-01'],
    ['2026-02-01T03:00:00Z', 'America/New_York', '2026-01'],
  ])('%s in %s is report month %s', (instant, timeZone, period) => {
    expect(reportPeriod(new Date(instant), timeZone)).toBe(period);
  });

  it.each([
    ['2026-01', true],
    ['2026-12', true],
    ['2026-13', false],
    ['2026-00', false],
    ['2026-1', false],
    ['26-01', false],
    ['2026-01 ', false],
    ['../2026-01', false],
  ])('isPeriod(%j) is %s', (text, expected) => {
    expect(isPeriod(text)).toBe(expected);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '00:00:00'],
    [132_400, '00:02:12'],
    [7_600, '00:00:08'],
    [479_000, '00:07:59'],
    [25 * 3_600_000 + 61_000, '25:01:01'],
    [-5, '00:00:00'],
    [Number.NaN, '00:00:00'],
  ])('%d ms reads %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
