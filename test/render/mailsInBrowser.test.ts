// Both mails as a real browser lays them out (headless Chromium), as a phone (375 px) and a mail
// pane (600 px) show them: no sideways scroll, no word broken inside, no text under 12 px, the monthly
// total on the phone's first screen, the header band as wide as the body. CI installs Chromium (.ci/run).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureMail, openMailBrowser, type MailBrowser } from '../../scripts/mailBrowser.js';
import type { Renderer, RenderedMail } from '../../src/ports.js';
import { createRenderer } from '../../src/render/createRenderer.js';
import { ctxFor } from './fixtures.js';
import { longNamesSite, site135, smallSite, summaryOf300Sites, summaryWithProblems, wasteSite } from './mailFixtures.js';

const PHONE = { width: 375, height: 667 };
const PANE = { width: 600, height: 800 };

let browser: MailBrowser;
const renderers: Partial<Record<'fr-FR' | 'en-US', Renderer>> = {};
beforeAll(async () => {
  browser = await openMailBrowser();
  renderers['fr-FR'] = await createRenderer(ctxFor('fr-FR'));
  renderers['en-US'] = await createRenderer(ctxFor('en-US', { currency: 'EUR', timeZone: 'Europe/Paris' }));
}, 60_000);
afterAll(() => browser?.close());

const money = {
  'fr-FR': new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  'en-US': new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' }),
};

type Case = { name: string; mail: (renderer: Renderer) => Promise<RenderedMail>; totalCents: number };
const cases: Case[] = [
  { name: 'a small site', mail: (r) => r.siteReport(smallSite()), totalCents: smallSite().monthlyCostCents },
  { name: 'a 135-account site', mail: (r) => r.siteReport(site135()), totalCents: site135().monthlyCostCents },
  { name: 'a site with very long names and titles', mail: (r) => r.siteReport(longNamesSite()), totalCents: longNamesSite().monthlyCostCents },
  { name: 'a site with redundant licenses and an assignment error', mail: (r) => r.siteReport(wasteSite()), totalCents: wasteSite().monthlyCostCents },
  // The summary's first figure counts an account in several sites once (runInsights: 37,20 €).
  { name: 'the summary with failures and warnings', mail: (r) => r.runSummary(summaryWithProblems()), totalCents: 3_720 },
  { name: 'the summary of 300 sites', mail: (r) => r.runSummary(summaryOf300Sites()), totalCents: 3_720 },
];

describe.each(['fr-FR', 'en-US'] as const)('mails in Chromium (%s)', (locale) => {
  it.each(cases)(
    '$name fits a phone and a mail pane, words whole, text 12 px or more, the total on the first screen',
    async ({ mail, totalCents }) => {
      const { html } = await mail(renderers[locale] as Renderer);
      const total = money[locale].format(totalCents / 100);
      for (const screen of [PHONE, PANE]) {
        const page = await browser.open(html, screen.width, screen.height);
        try {
          const layout = await measureMail(page, total);
          const at = `${screen.width} px`;
          expect(layout.overflowPx, `sideways scroll at ${at}`).toBe(0);
          expect(layout.brokenWords, `words broken inside at ${at}`).toEqual([]);
          expect(layout.smallestTextPx, `smallest text at ${at}`).toBeGreaterThanOrEqual(12);
          expect(layout.firstScreenBottomPx, `the monthly total ${total} at ${at}`).not.toBeNull();
          expect(layout.firstScreenBottomPx ?? Infinity, `the monthly total on the first screen at ${at}`).toBeLessThanOrEqual(screen.height);
          // Header band, body and footer line up: one width, at most 600 px, the whole screen below it.
          expect(new Set(layout.sectionWidths), `section widths at ${at}`).toEqual(new Set([Math.min(600, screen.width)]));
        } finally {
          await page.close();
        }
      }
    },
    60_000,
  );
});

describe.each(['fr-FR', 'en-US'] as const)('possible savings in Chromium (%s)', (locale) => {
  it.each([
    { name: 'a site', mail: (r: Renderer) => r.siteReport(wasteSite()), savingsCents: wasteSite().insights?.savings?.monthlyCents ?? NaN },
    { name: 'a 135-account site', mail: (r: Renderer) => r.siteReport(site135()), savingsCents: site135().insights?.savings?.monthlyCents ?? NaN },
  ])(
    '$name shows its possible savings per month on the phone’s first screen',
    async ({ mail, savingsCents }) => {
      const { html } = await mail(renderers[locale] as Renderer);
      const figure = money[locale].format(savingsCents / 100);
      const page = await browser.open(html, PHONE.width, PHONE.height);
      try {
        const layout = await measureMail(page, figure);
        expect(layout.firstScreenBottomPx, `the savings ${figure}`).not.toBeNull();
        expect(layout.firstScreenBottomPx ?? Infinity).toBeLessThanOrEqual(PHONE.height);
      } finally {
        await page.close();
      }
    },
    60_000,
  );
});

/** What Gmail's mobile webmail does to a mail: it drops every <style> block. */
const withoutStyles = (html: string) => html.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '');

describe.each(['fr-FR', 'en-US'] as const)('mails without their <style> blocks, as Gmail mobile shows them (%s)', (locale) => {
  it.each(cases)(
    '$name still fits 320 and 375 px with whole words and 12 px text',
    async ({ mail }) => {
      const { html } = await mail(renderers[locale] as Renderer);
      expect(withoutStyles(html)).not.toMatch(/<style/i);
      for (const width of [320, 375]) {
        for (const variant of [html, withoutStyles(html)]) {
          const page = await browser.open(variant, width);
          try {
            const layout = await measureMail(page, '');
            const at = `${width} px${variant === html ? '' : ' without <style>'}`;
            expect(layout.overflowPx, `sideways scroll at ${at}`).toBe(0);
            expect(layout.brokenWords, `words broken inside at ${at}`).toEqual([]);
            expect(layout.smallestTextPx, `smallest text at ${at}`).toBeGreaterThanOrEqual(12);
          } finally {
            await page.close();
          }
        }
      }
    },
    60_000,
  );
});

describe('a wide screen', () => {
  it('keeps both mails 600 px wide on a 1,000 px screen', async () => {
    for (const mail of [
      await (renderers['fr-FR'] as Renderer).siteReport(smallSite()),
      await (renderers['fr-FR'] as Renderer).runSummary(summaryWithProblems()),
    ]) {
      const page = await browser.open(mail.html, 1000, 800);
      try {
        const layout = await measureMail(page, '');
        expect(new Set(layout.sectionWidths)).toEqual(new Set([600]));
        expect(layout.overflowPx).toBe(0);
      } finally {
        await page.close();
      }
    }
  }, 60_000);
});
