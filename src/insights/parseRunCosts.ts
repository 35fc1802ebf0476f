import { isCents, isObject, isText, readSchemaJson } from './readSchemaJson.js';
import type { RunCosts } from './types.js';

/** A stored run-level cost snapshot, checked field by field; throws an Error naming the key. */
export function parseRunCosts(text: string, key: string): RunCosts {
  const value = readSchemaJson(text, key);
  const ok =
    isText(value['period']) &&
    isText(value['takenAt']) &&
    Array.isArray(value['bySite']) &&
    value['bySite'].every((row) => isObject(row) && isText(row['code']) && isText(row['name']) && isCents(row['cents'])) &&
    Array.isArray(value['byLicense']) &&
    value['byLicense'].every((row) => isObject(row) && isText(row['skuId']) && isText(row['label']) && isCents(row['cents']));
  if (!ok) throw new Error(`${key} is not a valid run cost snapshot`);
  return value as unknown as RunCosts;
}
