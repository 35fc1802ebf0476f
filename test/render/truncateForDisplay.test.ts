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

  const graphemeCount = (text: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)].length;
  const eAcute = 'e\u0301'; // "é" as e + combining acute accent, as macOS and some directories write it
  const family = '👨\u200d👩\u200d👧\u200d👦'; // one family emoji: four people joined by ZWJ, 7 code points

  it.each([
    ['a combining accent', `Caf${eAcute}${eAcute}${eAcute}`, 5, `Caf${eAcute}…`],
    ['a ZWJ family', `${family}${family}${family}`, 2, `${family}…`],
    ['a ZWJ family that fits', `ab${family}`, 3, `ab${family}`],
    ['flags', '🇫🇷🇫🇷🇫🇷', 2, '🇫🇷…'],
  ])('never cuts %s in half: it counts characters as a reader sees them', (_, text, max, shown) => {
    expect(truncateForDisplay(text, max)).toBe(shown);
    expect(graphemeCount(truncateForDisplay(text, max))).toBeLessThanOrEqual(max);
  });

  it('cuts at 200 characters by default', () => {
    expect(truncateForDisplay('z'.repeat(10_000))).toBe(`${'z'.repeat(199)}…`);
  });
});
