import type { ListOutcome } from './setUpLists.js';

// SharePoint's TypeAsString as the column types read in its UI.
const TYPE_LABEL: Record<string, string> = { Text: 'Text', Boolean: 'Yes/No', Number: 'Number', Note: 'multiple lines of text' };
const label = (type: string): string => TYPE_LABEL[type] ?? type;

/** What `setup -- lists` prints for one list: one line per column, with the fix when it cannot act. */
export function formatListOutcome(outcome: ListOutcome): string[] {
  const lines = [`List "${outcome.title}": ${outcome.createList ? 'created' : 'exists'}`];
  for (const { column, actual } of outcome.present) lines.push(`  ✓ ${column.internalName} (${label(actual)}) exists`);
  for (const column of outcome.add) lines.push(`  + ${column.internalName} (${label(column.type)}, shown as "${column.displayName}") added`);
  for (const { asked, got } of outcome.renamed) {
    lines.push(`  ! SharePoint named the new column ${got}, not ${asked} (the name is taken): set the setting to ${got} or free the name`);
  }
  for (const { column, actual } of outcome.wrongType) {
    lines.push(`  ! ${column.internalName} is a ${actual} column, the app expects ${label(column.type)}: left as is; change its type in SharePoint`);
  }
  for (const { column, found } of outcome.nearMiss) {
    lines.push(
      `  ! ${column.internalName} not added: the list has "${found.Title}" (internal name ${found.InternalName}). ` +
        `If that is the column, set ${column.setting}=${found.InternalName}; otherwise rename it and rerun`,
    );
  }
  if (!outcome.createList && outcome.add.length === 0 && outcome.wrongType.length === 0 && outcome.nearMiss.length === 0) {
    lines.push('  nothing to change');
  }
  return lines;
}
