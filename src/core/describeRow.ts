import type { RawRecord } from '../ports.js';
import { readCell } from './readCell.js';

/** How a list row is named in warnings: its SharePoint Id and Title when the item has them. */
export interface RowIdentity {
  /** SharePoint item id, or the 1-based position in the list when the item carries no Id. */
  rowId: number;
  label: string;
  /** The row's Title, for warnings rendered in the mail's language. */
  title?: string;
}

export function describeRow(item: RawRecord, index: number): RowIdentity {
  const rawId = item['Id'] ?? item['ID'];
  const id = typeof rawId === 'number' ? rawId : Number(readCell(rawId));
  const title = readCell(item['Title']);
  const hasId = Number.isSafeInteger(id) && id > 0;
  const rowId = hasId ? id : index + 1;
  const base = hasId ? `row Id ${id}` : `row #${index + 1} (no Id)`;
  return title ? { rowId, label: `${base} "${title}"`, title } : { rowId, label: base };
}
