import type { RunWarning, WarningCode } from '../types.js';

/** The order the summary reads best in: what was asked, the lists' rows, then the licenses, then accounts. */
const ORDER: readonly WarningCode[] = [
  'unknown-site-code',
  'site-row-skipped',
  'price-row-ignored',
  'duplicate-price-rows',
  'unpriced-sku',
  'account-skipped',
  'insights-unavailable',
];

/** Drops repeated warnings (same code and message) and groups them by kind, keeping each group's order. */
export function orderWarnings(warnings: readonly RunWarning[]): RunWarning[] {
  const seen = new Set<string>();
  const unique = warnings.filter((warning) => {
    const key = `${warning.code}\u0000${warning.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const rank = (code: WarningCode): number => {
    const index = ORDER.indexOf(code);
    return index === -1 ? ORDER.length : index;
  };
  // Array.prototype.sort is stable: within a kind, the input order (list order, site order) stays.
  return unique.sort((a, b) => rank(a.code) - rank(b.code));
}
