// Small readers of raw Graph JSON for the waste parsers: each answers a value or says why not.
import { isGuid } from '../../core/isGuid.js';
import type { RawRecord } from '../../ports.js';
import { readGraphDate } from '../parseSignInActivity.js';

export const isRecord = (value: unknown): value is RawRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Trimmed text, or null for anything else (absent, null, empty, not a string). */
export const textOf = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** A GUID in lower case, or null. */
export const guidOf = (value: unknown): string | null => {
  const text = textOf(value);
  return text && isGuid(text) ? text.toLowerCase() : null;
};

/** An ISO instant, or null for Graph's empty forms (null, "", 0001-01-01T00:00:00Z) and non-dates. */
export const instantOf = (value: unknown): string | null => readGraphDate(value)?.toISOString() ?? null;

/** The list under `field`: [] when absent or null, undefined when it is something else. */
export function listOf(record: RawRecord, field: string): unknown[] | undefined {
  const value = record[field];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : undefined;
}
