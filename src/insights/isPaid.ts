import type { LicenseLine } from '../types.js';

/** A license that costs money according to the price list (an unpriced "N/A" one is not counted). */
export function isPaid(line: Pick<LicenseLine, 'monthlyPriceCents'>): boolean {
  return line.monthlyPriceCents !== null && line.monthlyPriceCents > 0;
}
