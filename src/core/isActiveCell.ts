/**
 * The sites list's Yes/No "Active" column: false, "No"/"Non", "false" and 0 switch a site off.
 * A missing value (column added later, row never edited) keeps the site active.
 */
export function isActiveCell(value: unknown): boolean {
  if (value === false || value === 0) return false;
  if (typeof value === 'string') {
    return !['no', 'non', 'false', '0'].includes(value.trim().toLowerCase());
  }
  return true;
}
