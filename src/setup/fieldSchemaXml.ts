import type { ColumnSpec } from './listSchema.js';

const escapeXml = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * CAML for fields/createfieldasxml. Name and StaticName fix the internal name the app selects,
 * whatever the display name (SharePoint derives it from the display name otherwise: "Site code"
 * would become Site_x0020_code). Yes/No defaults to Yes: a new site row is active.
 */
export function fieldSchemaXml(column: ColumnSpec): string {
  const name = escapeXml(column.internalName);
  const common = `DisplayName="${escapeXml(column.displayName)}" Name="${name}" StaticName="${name}"`;
  if (column.type === 'Boolean') return `<Field Type="Boolean" ${common}><Default>1</Default></Field>`;
  if (column.type === 'Number') return `<Field Type="Number" ${common} Decimals="2" Min="0" />`;
  return `<Field Type="Text" ${common} MaxLength="255" />`;
}

/**
 * SP.AddFieldOptions: AddToDefaultContentType (1) | AddFieldInternalNameHint (8, keep Name as the
 * internal name) | AddFieldToDefaultView (16, show it in "All Items").
 */
export const ADD_FIELD_OPTIONS = 1 | 8 | 16;
