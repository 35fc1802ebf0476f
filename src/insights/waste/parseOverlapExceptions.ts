import { isGuid } from '../../core/isGuid.js';

export const OVERLAP_EXCEPTIONS_SETTING = 'LICENSE_OVERLAP_EXCEPTIONS';

/** Two licenses an organisation holds together on purpose: never called redundant, either way. */
export interface OverlapException {
  /** SKU ids in lower case, part numbers in upper case. */
  a: string;
  b: string;
}

const keyOf = (token: string): string => (isGuid(token) ? token.toLowerCase() : token.toUpperCase());

/**
 * LICENSE_OVERLAP_EXCEPTIONS: pairs `A+B` separated by commas (or semicolons, or new lines), each
 * license named by its skuPartNumber or its SKU id, case-insensitive: "STANDARDPACK+ENTERPRISEPACK,
 * VISIOCLIENT+SPE_E5". Every problem is returned at once, naming the setting and the pair, for the
 * configuration error that lists every bad setting (docs/decisions/license-overlap-exceptions.md).
 */
export function parseOverlapExceptions(
  value: string | undefined,
  setting = OVERLAP_EXCEPTIONS_SETTING,
): { exceptions: OverlapException[]; problems: string[] } {
  const exceptions: OverlapException[] = [];
  const problems: string[] = [];
  const entries = (value ?? '')
    .split(/[,;\n]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const parts = entry.split('+').map((part) => part.trim());
    const [a, b] = parts;
    if (parts.length !== 2 || !a || !b) {
      problems.push(`${setting}: "${entry}" is not a pair of licenses written A+B (skuPartNumber or SKU id, e.g. STANDARDPACK+ENTERPRISEPACK)`);
    } else if (/\s/.test(a) || /\s/.test(b)) {
      problems.push(`${setting}: "${entry}" names a license with a space; use its skuPartNumber or SKU id`);
    } else if (keyOf(a) === keyOf(b)) {
      problems.push(`${setting}: "${entry}" pairs a license with itself`);
    } else {
      exceptions.push({ a: keyOf(a), b: keyOf(b) });
    }
  }
  return { exceptions, problems };
}

/** Whether two licenses (each known by id and part number) are held together on purpose. */
export function isOverlapException(
  exceptions: readonly OverlapException[],
  first: { skuId: string; skuPartNumber: string },
  second: { skuId: string; skuPartNumber: string },
): boolean {
  const names = (sku: { skuId: string; skuPartNumber: string }): string[] =>
    [sku.skuId.toLowerCase(), sku.skuPartNumber.toUpperCase()].filter((name) => name !== '');
  const [one, other] = [names(first), names(second)];
  return exceptions.some(({ a, b }) => (one.includes(a) && other.includes(b)) || (one.includes(b) && other.includes(a)));
}
