import type { Cents } from '../types.js';

/**
 * Reads a price as exact cents. Accepts a JSON number (SharePoint Number column) or a text
 * column holding "25,30", "25.30", "1 234,5" or "€ 6.30". Returns undefined when the value is
 * not a non-negative amount with at most two decimals: the caller names the row in a warning.
 */
export function parsePriceToCents(value: unknown): Cents | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    // A Number column's 6.3 arrives as the double nearest 6.3; rounding to cents is exact here.
    const cents = Math.round(value * 100);
    return Math.abs(cents - value * 100) < 1e-6 ? cents : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const cleaned = value.replace(/[\s\u00a0\u202f€$£]|EUR|USD|GBP/gi, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const units = Number(match[1]);
  const decimals = (match[2] ?? '').padEnd(2, '0');
  const cents = units * 100 + Number(decimals);
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** Cents to currency units for JSON readers (123.4 for 12340). */
export function centsToAmount(cents: Cents): number {
  return cents / 100;
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const value of values) total += value;
  return total;
}
