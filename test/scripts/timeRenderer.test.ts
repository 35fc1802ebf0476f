import { describe, expect, it } from 'vitest';
import type { RenderContext, Renderer } from '../../src/ports.js';
import type { RunResult, SiteReport } from '../../src/types.js';
import { timeRenderer, type RenderTimings } from '../../scripts/timeRenderer.js';

describe('timeRenderer', () => {
  it('adds up the time of every render call apart from compiling the templates, and passes calls through', async () => {
    let now = 0;
    const seen: unknown[] = [];
    const renderer: Renderer = {
      siteReport: async (report) => {
        seen.push(report);
        now += 30;
        return { subject: 'site', html: '<p>site</p>', attachments: [] };
      },
      runSummary: async (result) => {
        seen.push(result);
        now += 50;
        return { subject: 'summary', html: '<p>summary</p>', attachments: [] };
      },
    };
    const timings: RenderTimings = { compileMs: 0, renderMs: 0, calls: 0 };
    const create = timeRenderer(
      async () => ((now += 200), renderer),
      timings,
      () => now,
    );

    const timed = await create({} as RenderContext);
    const report = { site: { code: 'SIEGE' } } as SiteReport;
    expect((await timed.siteReport(report)).subject).toBe('site');
    await timed.siteReport(report);
    await timed.runSummary({ period: '2026-10' } as RunResult);

    expect(timings).toEqual({ compileMs: 200, renderMs: 110, calls: 3 });
    expect(seen).toEqual([report, report, { period: '2026-10' }]);
  });

  it('counts the time of a render that fails, and lets the failure through', async () => {
    let now = 0;
    const failing: Renderer = {
      siteReport: async () => {
        now += 5;
        throw new Error('template broken');
      },
      runSummary: async () => ({ subject: '', html: '', attachments: [] }),
    };
    const timings: RenderTimings = { compileMs: 0, renderMs: 0, calls: 0 };
    const timed = await timeRenderer(
      async () => failing,
      timings,
      () => now,
    )({} as RenderContext);
    await expect(timed.siteReport({} as SiteReport)).rejects.toThrow('template broken');
    expect(timings).toMatchObject({ renderMs: 5, calls: 1 });
  });
});
