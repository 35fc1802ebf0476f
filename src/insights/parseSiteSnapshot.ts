import { isCents, isObject, isText, readSchemaJson } from './readSchemaJson.js';
import type { SiteSnapshot } from './types.js';

const isAccount = (value: unknown): boolean =>
  isObject(value) &&
  isText(value['userId']) &&
  isText(value['name']) &&
  isText(value['email']) &&
  isCents(value['monthlyCostCents']) &&
  Array.isArray(value['licenses']) &&
  value['licenses'].every((license) => isObject(license) && isText(license['skuId']) && isText(license['label']));

/**
 * A stored site snapshot, checked field by field: a hand-edited or truncated file must not turn
 * into a made-up "everybody left" in a site's mail. Throws an Error naming the key.
 */
export function parseSiteSnapshot(text: string, key: string): SiteSnapshot {
  const value = readSchemaJson(text, key);
  const ok =
    isText(value['period']) &&
    isText(value['siteCode']) &&
    isText(value['siteName']) &&
    isText(value['takenAt']) &&
    isCents(value['monthlyCostCents']) &&
    Array.isArray(value['accounts']) &&
    value['accounts'].every(isAccount);
  if (!ok) throw new Error(`${key} is not a valid site snapshot`);
  return value as unknown as SiteSnapshot;
}
