import { describe, expect, it } from 'vitest';
import { truncateForDisplay } from '../../src/render/truncateForDisplay.js';

describe('truncateForDisplay', () => {
  it.each([
    ['short', 10, 'short'],
    ['exactly-10', 10, 'exactly-10'],
    ['eleven char', 10, 'eleven ch…'],
    ['ab        cd', 5, 'ab…'],
    ['line\r\nbreak\ttab', 50, 'line break tab'],
    ['😀😀😀😀😀😀', 4, '😀😀😀…'],
  ])('shows %j in at most %i characters as %j', (text, max, shown) => {
    expect(truncateForDisplay(text, max)).toBe(shown);
    expect(Array.from(truncateForDisplay(text, max)).length).toBeLessThanOrEqual(max);
  });

  it('cuts at 200 characters by default', () => {
    expect(truncateForDisplay('z'.repeat(10_000))).toBe(`${'z'.repeat(199)}…`);
  });
});
