import type { SiteColumns } from '../config/Config.js';
import type { RawRecord } from '../ports.js';
import type { RunWarning, Site } from '../types.js';
import { describeRow, type RowIdentity } from './describeRow.js';
import { isActiveCell } from './isActiveCell.js';
import { isGuid } from './isGuid.js';
import { readCell } from './readCell.js';

/**
 * Validates the rows of the sites list. A bad row is skipped with a warning that names the row and
 * the column (internal name), so whoever maintains the list can fix it; the other sites still run.
 */
export function parseSites(items: RawRecord[], columns: SiteColumns): { sites: Site[]; warnings: RunWarning[] } {
  const sites: Site[] = [];
  const warnings: RunWarning[] = [];
  const firstByCode = new Map<string, { site: Site; label: string }>();
  // details: `field` and `problem` let the summary say it in the reader's language.
  const skip = (row: RowIdentity, reason: string, details: Record<string, unknown>): void => {
    warnings.push({
      code: 'site-row-skipped',
      message: `Sites list, ${row.label}: ${reason}; the row is skipped`,
      details: { rowId: row.rowId, ...(row.title === undefined ? {} : { rowTitle: row.title }), ...details },
    });
  };

  items.forEach((item, index) => {
    const row = describeRow(item, index);
    const { rowId, label } = row;
    if (!isActiveCell(item[columns.active])) return;

    const required: Array<[keyof Omit<SiteColumns, 'active'>, string]> = [
      ['name', columns.name],
      ['code', columns.code],
      ['membersGroupId', columns.membersGroupId],
      ['correspondentsGroupId', columns.correspondentsGroupId],
    ];
    const values: Partial<Record<keyof SiteColumns, string>> = {};
    for (const [field, column] of required) {
      const value = readCell(item[column]);
      if (value === undefined) {
        skip(row, `column "${column}" is empty`, { field, problem: 'empty', column });
        return;
      }
      values[field] = value;
    }
    for (const field of ['membersGroupId', 'correspondentsGroupId'] as const) {
      const value = values[field] as string;
      if (!isGuid(value)) {
        skip(row, `column "${columns[field]}" holds "${value}", which is not a group id (GUID)`, {
          field,
          problem: 'not-a-guid',
          column: columns[field],
          value,
        });
        return;
      }
    }

    const site: Site = {
      code: values.code as string,
      name: values.name as string,
      membersGroupId: values.membersGroupId as string,
      correspondentsGroupId: values.correspondentsGroupId as string,
      rowId,
    };
    const key = site.code.toLowerCase();
    const first = firstByCode.get(key);
    if (first) {
      skip(row, `site code "${site.code}" is already used by ${first.label}, which is kept`, {
        field: 'code',
        problem: 'duplicate-code',
        column: columns.code,
        value: site.code,
        keptRowId: first.site.rowId,
      });
      return;
    }
    firstByCode.set(key, { site, label });
    sites.push(site);
  });
  return { sites, warnings };
}
