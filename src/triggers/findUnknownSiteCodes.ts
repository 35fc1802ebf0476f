import { parseSites } from '../core/parseSites.js';
import { selectSites } from '../core/selectSites.js';
import type { Config } from '../config/Config.js';
import type { ListReader } from '../ports.js';

export interface SiteCodeCheck {
  /** Requested codes that no active, valid row of the sites list has. */
  unknown: string[];
  /** Codes of the active, valid rows, in list order. */
  known: string[];
}

/**
 * Reads the sites list once to check the codes IT asked for, before anything is locked, read from the
 * directory or mailed: a typo must be refused (CLI exit 2, HTTP 404), not turned into an empty run.
 */
export async function findUnknownSiteCodes(
  deps: { config: Pick<Config, 'sitesListTitle' | 'siteColumns'>; lists: ListReader },
  requested: readonly string[],
): Promise<SiteCodeCheck> {
  const { siteColumns, sitesListTitle } = deps.config;
  const rows = await deps.lists.readItems(sitesListTitle, ['Id', 'Title', ...(Object.values(siteColumns) as string[])]);
  const { sites } = parseSites(rows, siteColumns);
  const unknown = selectSites(sites, requested).warnings.map((warning) => String(warning.details?.['siteCode']));
  return { unknown, known: sites.map((site) => site.code) };
}
