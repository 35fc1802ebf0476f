// Money, dates, counts and durations through Intl, with the run's locale, time zone and currency.
// Built once per renderer: Intl formatters are costly to create and cheap to reuse.
import type { RenderContext } from '../ports.js';
import type { Cents } from '../types.js';
import { labelsFor, type Labels } from './labels.js';

export interface Formatters {
  labels: Labels;
  /** "6,30 €" (fr-FR) / "€6.30" (en-US). */
  money(cents: Cents): string;
  /** A difference: "+6,30 €", "-6,30 €", "0,00 €" / "+€6.30". */
  signedMoney(cents: Cents): string;
  /** Plain number for the CSV, no grouping, no symbol: "1234,50" / "1234.50". */
  plainAmount(cents: Cents): string;
  /** "1 janv. 2026 à 06:00" / "Jan 1, 2026, 6:00 AM", in the configured time zone. */
  dateTime(date: Date): string;
  /** "1 sept. 2025" / "Sep 1, 2025", in the configured time zone. */
  date(date: Date): string;
  /** "novembre 2026" / "November 2026" for a "YYYY-MM" period. */
  month(period: string): string;
  count(value: number): string;
  /** True when the count takes the singular in this language. */
  isOne(value: number): boolean;
  /** "0,4 s", "12 s", "2 min 12 s", "26 h 01 min" / "0.4 s"...: a person's reading of a duration. */
  duration(ms: number): string;
}

export function createFormatters(ctx: RenderContext): Formatters {
  const labels = labelsFor(ctx.locale);
  const currency = new Intl.NumberFormat(ctx.locale, { style: 'currency', currency: ctx.currency });
  const signed = new Intl.NumberFormat(ctx.locale, { style: 'currency', currency: ctx.currency, signDisplay: 'exceptZero' });
  const decimal = new Intl.NumberFormat(ctx.locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const date = new Intl.DateTimeFormat(ctx.locale, { dateStyle: 'medium', timeZone: ctx.timeZone });
  const time = new Intl.DateTimeFormat(ctx.locale, { timeStyle: 'short', timeZone: ctx.timeZone });
  // The period is a calendar month, not an instant: format its first day in UTC so no zone shifts it.
  const month = new Intl.DateTimeFormat(ctx.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const integer = new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 0 });
  const plural = new Intl.PluralRules(ctx.locale);
  const tenths = new Intl.NumberFormat(ctx.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  return {
    labels,
    money: (cents) => currency.format(cents / 100),
    signedMoney: (cents) => signed.format(cents / 100),
    plainAmount: (cents) => {
      // Built from the integer so no floating-point rounding can show.
      const sign = cents < 0 ? '-' : '';
      const abs = Math.abs(Math.round(cents));
      return `${sign}${Math.trunc(abs / 100)}${decimal}${String(abs % 100).padStart(2, '0')}`;
    },
    dateTime: (value) => labels.dateTime(date.format(value), time.format(value)),
    date: (value) => date.format(value),
    month: (period) => {
      const match = /^(\d{4})-(\d{2})$/.exec(period);
      if (!match) throw new Error(`Report period "${period}" is not of the form YYYY-MM`);
      return month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1)));
    },
    count: (value) => integer.format(value),
    isOne: (value) => plural.select(value) === 'one',
    duration: (ms) => readableDuration(ms, tenths),
  };
}

/** Under 10 s to the tenth ("0,4 s"; "< 0,1 s" below it), then seconds, minutes, hours (U+00A0 before units). */
function readableDuration(ms: number, tenths: Intl.NumberFormat): string {
  const safe = Number.isFinite(ms) ? Math.max(0, ms) : 0;
  if (safe < 50) return `< ${tenths.format(0.1)}\u00a0s`;
  if (safe < 9_950) return `${tenths.format(safe / 1000)}\u00a0s`;
  const seconds = Math.round(safe / 1000);
  if (seconds < 60) return `${seconds}\u00a0s`;
  const two = (n: number) => String(n).padStart(2, '0');
  if (seconds < 3600) return `${Math.floor(seconds / 60)}\u00a0min ${two(seconds % 60)}\u00a0s`;
  const minutes = Math.round(seconds / 60);
  return `${Math.floor(minutes / 60)}\u00a0h ${two(minutes % 60)}\u00a0min`;
}
