/**
 * The report month, "YYYY-MM", of an instant in the report's time zone: the timer fires in UTC, and
 * 2026-01-31T23:30Z is already February in Paris.
 */
export function reportPeriod(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const year = parts.find((part) => part.type === 'year')?.value;
  const month = parts.find((part) => part.type === 'month')?.value;
  if (!year || !month) throw new Error(`cannot compute the report month of ${date.toISOString()} in ${timeZone}`);
  return `${year.padStart(4, '0')}-${month}`;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Whether `text` is a report month, "YYYY-MM" (periods then compare as strings). */
export function isPeriod(text: string): boolean {
  return PERIOD.test(text);
}
