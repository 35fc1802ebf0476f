// Pure: one run warning as a sentence in the mail's language, built from its `code` and `details`
// ("Liste des prix, ligne 16 « Microsoft 365 Apps for business » : prix mensuel (colonne MonthlyPrice)
// vide — ligne ignorée."). The core's English message is the fallback for a warning without details.
import type { RunWarning } from '../types.js';
import type { Formatters } from './createFormatters.js';
import type { PriceField, SiteField, WarningLabels } from './warningLabels.js';

export interface WarningText {
  message: string;
  /** The technical reason behind an "insights unavailable" warning, shown small. */
  detail?: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const shown = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)));

export function describeWarning(warning: RunWarning, fmt: Formatters): WarningText {
  const w = fmt.labels.summary.warnings;
  const d = warning.details ?? {};
  const fallback: WarningText = { message: warning.message };
  switch (warning.code) {
    case 'site-row-skipped':
    case 'price-row-ignored':
      return listRowText(warning, w) ?? fallback;
    case 'unpriced-sku':
    case 'duplicate-price-rows':
      return priceMatchText(warning, fmt) ?? fallback;
    case 'account-skipped': {
      const site = str(d['siteCode']);
      if (!site) return fallback;
      return { message: w.accountSkipped(site, str(d['name']) ?? str(d['userId']) ?? '?', accountReason(str(d['reason']) ?? '', w)), ...detail(d['reason']) };
    }
    case 'unknown-site-code': {
      const code = str(d['siteCode']);
      return code ? { message: w.unknownSiteCode(code) } : fallback;
    }
    case 'insights-unavailable': {
      const insight = str(d['insight']) ?? 'other';
      const sentence = (w.insights as Record<string, string>)[insight] ?? w.insights.other;
      const site = str(d['siteCode']);
      // Site-level sentences are clauses; run-level ones are already sentences.
      const message = site ? w.forSite(site, sentence) : /[.!]$/.test(sentence) ? sentence : `${sentence}.`;
      return { message, ...detail(d['reason']) };
    }
    default:
      return fallback;
  }
}

const detail = (reason: unknown): { detail?: string } => (str(reason) ? { detail: str(reason) as string } : {});

/** "Liste des établissements, ligne 17 « SITE SANS GROUPE » : groupe du personnel (colonne MembersGroupId) vide — ligne ignorée." */
function listRowText(warning: RunWarning, w: WarningLabels): WarningText | undefined {
  const d = warning.details ?? {};
  const field = str(d['field']);
  const problem = str(d['problem']);
  if (typeof d['rowId'] !== 'number' || !field || !problem) return undefined;
  const sites = warning.code === 'site-row-skipped';
  const words = sites ? w.siteFields[field as SiteField] : w.priceFields[field as PriceField];
  if (!words) return undefined;
  const column = w.field(words, str(d['column']));
  const value = shown(d['value'] ?? '');
  const problems: Record<string, () => string> = {
    empty: () => w.empty(column),
    'not-a-guid': () => (sites ? w.notAGroupId(column, value) : w.notASkuId(column, value)),
    'not-a-price': () => w.notAPrice(column, value),
    'no-sku': () => w.noSku(column, w.priceFields.skuId),
    'duplicate-code': () =>
      w.duplicateCode(value, w.row(typeof d['keptRowId'] === 'number' || typeof d['keptRowId'] === 'string' ? String(d['keptRowId']) : '?', undefined)),
  };
  const text = problems[problem]?.();
  if (text === undefined) return undefined;
  const consequence = !sites && problem === 'not-a-guid' ? w.columnUnused : w.rowSkipped;
  return { message: w.sentence(sites ? w.sitesList : w.pricesList, w.row(String(d['rowId']), str(d['rowTitle'])), text, consequence) };
}

/** "VISIOCLIENT (Visio Plan 2) — 3 comptes"; undefined when the warning lacks the details to say it. */
function priceMatchText(warning: RunWarning, fmt: Formatters): WarningText | undefined {
  const labels = fmt.labels.summary.insights;
  const { sku, accounts, productName, rows } = warning.details ?? {};
  if (typeof sku !== 'string' || typeof accounts !== 'number') return undefined;
  if (warning.code === 'unpriced-sku') {
    const name = typeof productName === 'string' && productName !== sku ? productName : undefined;
    return { message: labels.unpricedLine(sku, name, fmt.count(accounts), fmt.isOne(accounts)) };
  }
  if (!Array.isArray(rows)) return undefined;
  const named = rows.map((row: { rowId?: unknown; name?: unknown }) => labels.priceRow(String(row?.rowId), String(row?.name)));
  return { message: labels.duplicateLine(sku, fmt.count(accounts), fmt.isOne(accounts), named.join(', ')) };
}

function accountReason(reason: string, w: WarningLabels): string {
  if (/without displayName or userPrincipalName/.test(reason)) return w.accountReasons.noName;
  if (/without an id/.test(reason)) return w.accountReasons.noId;
  if (/assignedLicenses/.test(reason)) return w.accountReasons.badLicenses;
  return w.accountReasons.other;
}
