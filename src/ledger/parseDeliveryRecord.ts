import type { DeliveryRecord, DeliveryRecordStatus } from '../ports.js';

const STATUSES: readonly DeliveryRecordStatus[] = ['sending', 'sent', 'unknown', 'not-sent'];
const isText = (value: unknown): value is string => typeof value === 'string';
const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every(isText);

/**
 * A ledger file's DeliveryRecord, or undefined when the text is not one. Records written before
 * delivery keys (no `key`) are read as they are.
 */
export function parseDeliveryRecord(text: string): DeliveryRecord | undefined {
  let value: Partial<Record<keyof DeliveryRecord, unknown>>;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { siteCode, status, at, runId, recipients, key, earlierKeys, confirmedBy, reason } = value;
  if (typeof siteCode !== 'string' || !siteCode) return undefined;
  if (!STATUSES.includes(status as DeliveryRecordStatus)) return undefined;
  if (!isText(at) || !isText(runId) || !isTextList(recipients)) return undefined;
  if ((key !== undefined && !isText(key)) || (earlierKeys !== undefined && !isTextList(earlierKeys))) return undefined;
  if (confirmedBy !== undefined && confirmedBy !== 'accepted' && confirmedBy !== 'sent-items') return undefined;
  return {
    siteCode,
    status: status as DeliveryRecordStatus,
    at,
    runId,
    recipients,
    ...(key ? { key } : {}),
    ...(earlierKeys && earlierKeys.length > 0 ? { earlierKeys } : {}),
    ...(confirmedBy ? { confirmedBy } : {}),
    ...(isText(reason) && reason ? { reason } : {}),
  };
}
