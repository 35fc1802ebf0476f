import type { DeliveryRecord } from '../ports.js';

/** A ledger file's DeliveryRecord, or undefined when the text is not one. */
export function parseDeliveryRecord(text: string): DeliveryRecord | undefined {
  let value: Partial<Record<keyof DeliveryRecord, unknown>>;
  try {
    value = JSON.parse(text) as typeof value;
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { siteCode, status, at, runId, recipients } = value;
  if (typeof siteCode !== 'string' || !siteCode) return undefined;
  if (status !== 'sent' && status !== 'unknown') return undefined;
  if (typeof at !== 'string' || typeof runId !== 'string') return undefined;
  if (!Array.isArray(recipients) || !recipients.every((r) => typeof r === 'string')) return undefined;
  return { siteCode, status, at, runId, recipients };
}
