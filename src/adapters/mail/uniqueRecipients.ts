import type { Recipient } from '../../types.js';

// Whitespace, control characters and separators in an address would break a mail header or
// be rejected by Exchange; one "@" with text on both sides is all we can check without DNS.
const ADDRESS = /^[^\s@,;<>"\u0000-\u001f\u007f]+@[^\s@,;<>"\u0000-\u001f\u007f]+$/u;

/**
 * The recipients with trimmed addresses, each address once (compared case-insensitively,
 * first spelling kept). Throws, naming the mail, on an address that cannot be sent to.
 */
export function uniqueRecipients(recipients: readonly Recipient[], what: string): Recipient[] {
  const seen = new Set<string>();
  const unique: Recipient[] = [];
  for (const recipient of recipients) {
    const address = recipient.address.trim();
    if (!ADDRESS.test(address)) {
      throw new Error(`${what}: recipient "${recipient.name}" has an invalid address "${address}"; nothing was sent`);
    }
    const folded = address.toLowerCase();
    if (seen.has(folded)) continue;
    seen.add(folded);
    unique.push({ name: recipient.name.trim(), address });
  }
  return unique;
}
