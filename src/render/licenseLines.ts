// How an account's licenses read in every list of the mails: one line per license with its unit
// price ("Office 365 E3 · 6,30 €", "VISIOCLIENT · N/A"), "Aucune licence" when it has none.
import type { LicenseCost } from '../insights/types.js';
import type { Formatters } from './createFormatters.js';
import { truncateForDisplay } from './truncateForDisplay.js';

/** Licenses stay short so that one account cannot weigh on the mail's size. */
const LICENSE_MAX_CHARS = 80;

export function licenseLines(licenses: readonly Pick<LicenseCost, 'label' | 'monthlyPriceCents'>[], fmt: Formatters): string[] {
  const { labels } = fmt;
  if (licenses.length === 0) return [labels.noLicense];
  return licenses.map((line) =>
    labels.licenseLine(
      truncateForDisplay(line.label, LICENSE_MAX_CHARS),
      line.monthlyPriceCents === null ? labels.notAvailable : fmt.money(line.monthlyPriceCents),
    ),
  );
}

/** Licenses known by their label only (a departure, a license added or removed). */
export function labelLines(licenses: readonly string[], fmt: Formatters): string[] {
  return licenses.length === 0 ? [fmt.labels.noLicense] : licenses.map((label) => truncateForDisplay(label, LICENSE_MAX_CHARS));
}
