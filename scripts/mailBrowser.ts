// Headless Chromium (Debian's `chromium`, driven by playwright-core) to look at a mail as a phone
// (375 px) or a mail pane (600 px) shows it: the browser test measures it, `npm run screenshots`
// photographs it. Nothing is downloaded: the browser is the system's, its profile a new empty folder.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Quiet, offline and stateless: no QUIC, no first-run or sync, no background or update traffic. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface MailBrowser {
  /** A new page `width` px wide showing `html` (a phone's first screen is 667 px high). */
  open(html: string, width: number, height?: number): Promise<Page>;
  close(): Promise<void>;
}

export async function openMailBrowser(): Promise<MailBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium) or set CHROMIUM_PATH`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'mail-browser-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: ARGS, offline: true });
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
  return {
    async open(html, width, height = 667) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.setContent(html, { waitUntil: 'load' });
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface MailLayout {
  /** How far the page scrolls sideways (0 when it fits). */
  overflowPx: number;
  /** The smallest font size of any visible text. */
  smallestTextPx: number;
  /** Words split across two lines (addresses, ids, SKU and file names may wrap, and are not listed). */
  brokenWords: string[];
  /** Where the bottom of the first element showing `firstScreenText` is, from the top of the page. */
  firstScreenBottomPx: number | null;
  /** Widths of MJML's sections (the header band, the body, the footer): equal when they line up. */
  sectionWidths: number[];
}

/** Measures what a reader would notice, in the page itself. */
export function measureMail(page: Page, firstScreenText: string): Promise<MailLayout> {
  return page.evaluate((wanted) => {
    // May wrap anywhere: e-mail addresses, GUIDs and other ids, SKU part numbers, paths and file names.
    const mayWrap = (word: string) => /[@/_\\]/.test(word) || (/\d/.test(word) && /\p{L}/u.test(word)) || /\.(csv|zip)\b/i.test(word);
    const root = document.documentElement;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let smallest = Number.POSITIVE_INFINITY;
    const broken: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.nodeValue ?? '';
      const parent = node.parentElement;
      if (!parent || !text.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (range.getClientRects().length === 0) continue; // not rendered (the hidden preview text)
      smallest = Math.min(smallest, Number.parseFloat(getComputedStyle(parent).fontSize));
      // A word may break after its own hyphen ("Moniteur-/éducateur"); never inside a part.
      for (const match of text.matchAll(/[^\s-]+-?/g)) {
        const word = match[0];
        if (word.length < 2 || mayWrap(word)) continue;
        range.setStart(node, match.index);
        range.setEnd(node, match.index + word.length);
        const tops = new Set(
          Array.from(range.getClientRects())
            .filter((rect) => rect.width > 0)
            .map((rect) => Math.round(rect.top)),
        );
        if (tops.size > 1) broken.push(word);
      }
    }
    let firstScreenBottom: number | null = null;
    for (const element of Array.from(document.body.querySelectorAll('div, td, span, b'))) {
      if (element.textContent?.trim() === wanted && element.getClientRects().length > 0) {
        firstScreenBottom = element.getBoundingClientRect().bottom + window.scrollY;
        break;
      }
    }
    const sections = Array.from(document.querySelectorAll<HTMLElement>('body > div > div[style*="max-width:600px"]'));
    return {
      overflowPx: Math.max(0, root.scrollWidth - root.clientWidth),
      smallestTextPx: smallest,
      brokenWords: broken,
      firstScreenBottomPx: firstScreenBottom,
      sectionWidths: sections.map((section) => Math.round(section.getBoundingClientRect().width)),
    };
  }, firstScreenText);
}
