/**
 * A SharePoint cell as trimmed text: text columns arrive as strings, Number columns as numbers.
 * Empty, null, lookups and other objects read as undefined ("missing").
 */
export function readCell(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? undefined : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
