import type { RunWarning, Site } from '../types.js';

/**
 * The sites a run covers: all of them, or the requested codes (case-insensitive, in list order).
 * A code that names no active, valid row is a warning: the CLI and HTTP check codes first, but a
 * row may have been switched off in between.
 */
export function selectSites(sites: readonly Site[], requested: readonly string[] | undefined): { sites: Site[]; warnings: RunWarning[] } {
  const codes = (requested ?? []).map((code) => code.trim()).filter(Boolean);
  if (codes.length === 0) return { sites: [...sites], warnings: [] };
  const wanted = new Set(codes.map((code) => code.toLowerCase()));
  const known = new Set(sites.map((site) => site.code.toLowerCase()));
  const warnings: RunWarning[] = [...new Set(codes)]
    .filter((code) => !known.has(code.toLowerCase()))
    .map((code) => ({
      code: 'unknown-site-code',
      message: `Site code "${code}" was requested but is not an active, valid row of the sites list`,
      details: { siteCode: code },
    }));
  return { sites: sites.filter((site) => wanted.has(site.code.toLowerCase())), warnings };
}
