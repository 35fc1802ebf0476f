import type { AccountRow } from '../types.js';

/** "First Last" as people read it, falling back to the address for service accounts. */
export function accountName(row: Pick<AccountRow, 'firstName' | 'lastName' | 'email' | 'userId'>): string {
  const name = [row.firstName, row.lastName]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
  return name || row.email || row.userId;
}
