import { HttpError, SentItemsForbiddenError } from '../../errors.js';
import type { SentItem } from '../../ports.js';
import { DELIVERY_KEY_PROPERTY_ID } from './deliveryKeyProperty.js';
import type { GraphClient } from './graphClient.js';

/** An OData string literal: a quote inside is doubled. */
const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/**
 * The message of the sender's Sent Items that carries delivery key `key`, or undefined:
 * GET /users/{sender}/mailFolders/sentitems/messages?$filter=singleValueExtendedProperties/Any(…)
 * (learn.microsoft.com/graph/api/singlevaluelegacyextendedproperty-get). Needs Mail.Read on that
 * mailbox: Mail.ReadBasic excludes extended properties. A 403 throws SentItemsForbiddenError; other
 * failures (after the read retries) throw as they are.
 */
export async function findSentItem(client: GraphClient, sender: string, key: string): Promise<SentItem | undefined> {
  const filter = `singleValueExtendedProperties/Any(ep: ep/id eq ${literal(DELIVERY_KEY_PROPERTY_ID)} and ep/value eq ${literal(key)})`;
  let found;
  try {
    found = await client.listAll(`/users/${encodeURIComponent(sender)}/mailFolders/sentitems/messages`, {
      $filter: filter,
      $select: 'id,sentDateTime',
      $top: '10',
    });
  } catch (error) {
    if (error instanceof HttpError && error.status === 403) {
      throw new SentItemsForbiddenError(`${error.message}: the app may not read ${sender}'s mail`, { cause: error });
    }
    throw error;
  }
  const message = found[0];
  if (!message) return undefined;
  const sentAt = message['sentDateTime'];
  return typeof sentAt === 'string' && sentAt ? { key, sentAt } : { key };
}
