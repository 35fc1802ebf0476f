import { describe, expect, it } from 'vitest';
import { allotLines } from '../../src/render/allotLines.js';

describe('allotLines', () => {
  it.each([
    ['short lists are shown whole', [3, 1, 0, 2], 100, 50, [3, 1, 0, 2]],
    ['one long list gets at most its own cap', [5_000, 0, 0, 10], 100, 50, [50, 0, 0, 10]],
    ['long lists share the total equally', [5_000, 5_000, 5_000, 5_000], 100, 50, [25, 25, 25, 25]],
    ['short lists whole, the long ones share the rest', [5_000, 10, 5_000, 0], 100, 50, [45, 10, 45, 0]],
    ['nothing to show', [0, 0], 100, 50, [0, 0]],
  ])('%s', (_title, sizes, total, perList, expected) => {
    const shown = allotLines(sizes, total, perList);
    expect(shown).toEqual(expected);
    expect(shown.reduce((sum, n) => sum + n, 0)).toBeLessThanOrEqual(total);
  });
});
