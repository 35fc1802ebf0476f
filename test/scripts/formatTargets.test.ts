import { describe, expect, it } from 'vitest';
import { formatTargets } from '../../scripts/formatTargets.js';

describe('formatTargets', () => {
  it('aligns each figure with its figure of today, its target and a mark: ✓ met, ✗ missed, – not measured', () => {
    const table = formatTargets([
      { figure: 'npm run report -- --help', today: '~0.6 s', now: '0.21 s', target: '≤ 0.15 s', met: false, note: 'npm alone 0.18 s' },
      { figure: 'requests, sample organisation', today: '41', now: '34', target: '≤ 41', met: true },
      { figure: 'npm test on 2 cores', today: '~88 s', now: 'not run', target: '≤ 45 s', note: 'npm run bench -- --with-tests' },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^figure\s+today\s+now\s+target$/);
    expect(lines[1]).toMatch(/^npm run report -- --help\s+~0\.6 s\s+0\.21 s\s+≤ 0\.15 s\s+✗\s+npm alone 0\.18 s$/);
    expect(lines[2]).toMatch(/\s34\s+≤ 41\s+✓$/);
    expect(lines[3]).toMatch(/not run\s+≤ 45 s\s+–\s+npm run bench -- --with-tests$/);
    // Columns line up: every "now" ends at the same position.
    const ends = lines.slice(1).map((line, i) => line.indexOf(['0.21 s', '34', 'not run'][i] ?? '') + (['0.21 s', '34', 'not run'][i] ?? '').length);
    expect(new Set(ends).size).toBe(1);
  });
});
