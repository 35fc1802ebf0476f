import { guidOf, instantOf, isRecord, textOf } from './readRaw.js';
import type { CompanySubscription, Parsed, SkippedItem } from './wasteTypes.js';

function parseSubscription(raw: unknown, at: string): CompanySubscription | SkippedItem {
  if (!isRecord(raw)) return { at, reason: 'not an object' };
  const id = textOf(raw['id']);
  if (!id) return { at, reason: 'a subscription without an id' };
  const skuId = guidOf(raw['skuId']);
  if (!skuId) return { at, reason: `subscription ${id}: no skuId (GUID)` };
  const status = textOf(raw['status']);
  if (!status) return { at, reason: `subscription ${id}: no status` };
  const isTrial = raw['isTrial'] ?? false;
  if (typeof isTrial !== 'boolean') return { at, reason: `subscription ${id}: isTrial is not true or false` };
  const totalLicenses = raw['totalLicenses'] ?? 0;
  if (typeof totalLicenses !== 'number' || !Number.isInteger(totalLicenses) || totalLicenses < 0) {
    return { at, reason: `subscription ${id}: totalLicenses is not a number of seats` };
  }
  return {
    id,
    skuId,
    skuPartNumber: textOf(raw['skuPartNumber']) ?? '',
    status,
    isTrial,
    totalLicenses,
    nextLifecycleAt: instantOf(raw['nextLifecycleDateTime']),
  };
}

/**
 * GET /directory/subscriptions items (companySubscription: id, skuId, skuPartNumber, status
 * Enabled | Warning | Suspended | Deleted | LockedOut, isTrial, totalLicenses, nextLifecycleDateTime;
 * directory-list-subscriptions.md). Never throws: an item that cannot be read is skipped with the reason.
 */
export function parseCompanySubscriptions(raw: readonly unknown[]): Parsed<CompanySubscription> {
  const items: CompanySubscription[] = [];
  const skipped: SkippedItem[] = [];
  raw.forEach((item, index) => {
    const parsed = parseSubscription(item, `value[${index}]`);
    if ('reason' in parsed) skipped.push(parsed);
    else items.push(parsed);
  });
  return { items, skipped };
}
