import type { RenderLocale } from './labels.js';
import { labelsFor } from './labels.js';

/** "comptes-SIEGE-2026-11.csv" (fr-FR) / "accounts-SIEGE-2026-11.csv" (en-US), safe on every file system. */
export function csvFileName(siteCode: string, period: string, locale: RenderLocale): string {
  const code = siteCode.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'site';
  return `${labelsFor(locale).csvFilePrefix}-${code}-${period}.csv`;
}
