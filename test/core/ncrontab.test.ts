// NCRONTAB as the Functions host reads it (NCrontab with seconds): grammar and next occurrences.
import { describe, expect, it } from 'vitest';
import { nextOccurrences, parseNcrontab } from '../../src/core/ncrontab.js';

const next = (expression: string, after: string, count = 3) => nextOccurrences(parseNcrontab(expression), new Date(after), count).map((d) => d.toISOString());

describe('parseNcrontab', () => {
  it.each([
    ['0 0 6 1 *', /has 5 field\(s\); NCRONTAB needs 6/],
    ['0 0 6 1 * * 2027', /has 7 field\(s\)/],
    ['0 0 6 L * *', /day of month: "L" is not a number from 1 to 31$/],
    ['0 0 6 ? * *', /day of month: "\?" is not a number/],
    ['0 0 6 * * 7', /day of week: 7 is not between 0 and 6/],
    ['0 0 6 * * MON#1', /day of week: "MON#1" is not a number from 0 to 6 or a name/],
    ['0 60 6 * * *', /minute: 60 is not between 0 and 59/],
    ['0 0 6 1 Foo *', /month: "Foo" is not a number from 1 to 12 or a name/],
    ['0 */x 6 * * *', /minute: "\*\/x" has an unreadable step/],
  ])('refuses "%s" as the host would, naming the field', (expression, message) => {
    expect(() => parseNcrontab(expression)).toThrow(message);
  });

  it('reads names by prefix in any case, reversed ranges, steps and a/n', () => {
    expect(parseNcrontab('0 5/20 */6 1,15 jan-Mar monday-fri').values).toEqual([[0], [5, 25, 45], [0, 6, 12, 18], [1, 15], [1, 2, 3], [1, 2, 3, 4, 5]]);
    expect(parseNcrontab('0 0 0 * * 5-1').values[5]).toEqual([1, 2, 3, 4, 5]);
    expect(parseNcrontab('  0 0 6 1 * *  ').expression).toBe('0 0 6 1 * *');
  });
});

describe('nextOccurrences', () => {
  it('gives the default schedule on the 1st at 06:00 UTC, strictly after the instant', () => {
    expect(next('0 0 6 1 * *', '2026-12-01T06:00:00Z')).toEqual(['2027-01-01T06:00:00.000Z', '2027-02-01T06:00:00.000Z', '2027-03-01T06:00:00.000Z']);
  });

  it('requires day of month AND day of week (NCrontab), not either as Vixie cron does: the first Monday', () => {
    expect(next('0 0 9 1-7 * Mon', '2026-11-24T00:00:00Z')).toEqual(['2026-12-07T09:00:00.000Z', '2027-01-04T09:00:00.000Z', '2027-02-01T09:00:00.000Z']);
  });

  it('skips dates that do not exist, and finds 29 February', () => {
    expect(next('0 0 0 31 * *', '2026-03-31T12:00:00Z', 2)).toEqual(['2026-05-31T00:00:00.000Z', '2026-07-31T00:00:00.000Z']);
    expect(next('0 0 0 29 2 *', '2026-01-01T00:00:00Z', 1)).toEqual(['2028-02-29T00:00:00.000Z']);
    expect(next('0 0 0 30 2 *', '2026-01-01T00:00:00Z')).toEqual([]);
  });

  it('counts seconds', () => {
    expect(next('*/20 * * * * *', '2026-11-24T09:00:05Z')).toEqual(['2026-11-24T09:00:20.000Z', '2026-11-24T09:00:40.000Z', '2026-11-24T09:01:00.000Z']);
  });
});
