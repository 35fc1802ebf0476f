import type { RawRecord } from '../ports.js';
import type { Recipient } from '../types.js';

/** Correspondents who can receive the report: users with a mail address, each address once. */
export function collectCorrespondents(rawUsers: readonly RawRecord[]): Recipient[] {
  const seen = new Set<string>();
  const recipients: Recipient[] = [];
  for (const user of rawUsers) {
    const address = typeof user['mail'] === 'string' ? user['mail'].trim() : '';
    if (!address || seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    const displayName = typeof user['displayName'] === 'string' ? user['displayName'].trim() : '';
    recipients.push({ name: displayName || address, address });
  }
  return recipients;
}
