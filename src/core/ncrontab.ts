// NCRONTAB as the Azure Functions host reads a timer schedule: WebJobs' CronSchedule.TryCreate calls
// NCrontab's CrontabSchedule.TryParse with IncludingSeconds (Azure/azure-webjobs-sdk-extensions), so
// six fields, and NCrontab's grammar (atifaziz/NCrontab, CrontabFieldImpl and CrontabField): `*`,
// values, ranges `a-b` (swapped when reversed), steps `*/n`, `a-b/n` and `a/n` (a to the maximum),
// lists; month and weekday names by prefix, any case ("Mon", "Monday"); weekdays 0-6, Sunday = 0 (no
// 7, no L, W, # or ?). A time matches when every field does: day of month AND day of week, unlike
// Vixie cron's OR (CrontabSchedule.GetNextOccurrence). Why our own: docs/decisions/schedule-parser.md.

const FIELDS = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  {
    name: 'month',
    min: 1,
    max: 12,
    names: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  },
  { name: 'day of week', min: 0, max: 6, names: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] },
] as const;

type FieldSpec = (typeof FIELDS)[number];

/** The six fields as sorted allowed values: seconds, minutes, hours, days of month, months, days of week. */
export interface NcrontabSchedule {
  expression: string;
  values: readonly (readonly number[])[];
}

export class NcrontabError extends Error {
  override readonly name = 'NcrontabError';
}

function parseValue(text: string, field: FieldSpec): number {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value < field.min || value > field.max) throw new NcrontabError(`${field.name}: ${value} is not between ${field.min} and ${field.max}`);
    return value;
  }
  const names: readonly string[] = 'names' in field ? field.names : [];
  const index = text ? names.findIndex((name) => name.toLowerCase().startsWith(text.toLowerCase())) : -1;
  if (index < 0) throw new NcrontabError(`${field.name}: "${text}" is not a number from ${field.min} to ${field.max}${names.length ? ' or a name' : ''}`);
  return index + field.min;
}

function parseElement(text: string, field: FieldSpec, into: Set<number>): void {
  const [base = '', stepText, extra] = text.split('/');
  if (extra !== undefined || (stepText !== undefined && !/^\d+$/.test(stepText))) throw new NcrontabError(`${field.name}: "${text}" has an unreadable step`);
  const step = Math.max(1, Number(stepText ?? '1'));
  let first: number;
  let last: number;
  if (base === '*') [first, last] = [field.min, field.max];
  else if (base.indexOf('-') > 0) {
    const [a = '', b = ''] = [base.slice(0, base.indexOf('-')), base.slice(base.indexOf('-') + 1)];
    [first, last] = [parseValue(a, field), parseValue(b, field)].sort((x, y) => x - y) as [number, number];
  } else {
    first = parseValue(base, field);
    last = stepText === undefined ? first : field.max;
  }
  for (let value = first; value <= last; value += step) into.add(value);
}

/** Parses a six-field NCRONTAB expression; throws NcrontabError naming the field at fault. */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const tokens = expression.trim().split(/\s+/).filter(Boolean);
  if (tokens.length !== 6) {
    throw new NcrontabError(`"${expression}" has ${tokens.length} field(s); NCRONTAB needs 6: second minute hour day month day-of-week`);
  }
  const values = tokens.map((token, i) => {
    const field = FIELDS[i] as FieldSpec;
    const set = new Set<number>();
    for (const element of token.split(',')) parseElement(element, field, set);
    return [...set].sort((a, b) => a - b);
  });
  return { expression: expression.trim(), values };
}

const DAY_MS = 86_400_000;
/** Long enough for 29 February (8 years spans a skipped leap year such as 2100). */
const HORIZON_DAYS = 8 * 366;

/** The next `count` times strictly after `after`, in UTC (the timer's clock); fewer when the schedule never fires. */
export function nextOccurrences(schedule: NcrontabSchedule, after: Date, count: number): Date[] {
  const [seconds, minutes, hours, days, months, weekdays] = schedule.values as [number[], number[], number[], number[], number[], number[]];
  const found: Date[] = [];
  const startDay = Math.floor(after.getTime() / DAY_MS) * DAY_MS;
  for (let i = 0; i <= HORIZON_DAYS && found.length < count; i++) {
    const day = new Date(startDay + i * DAY_MS);
    if (!months.includes(day.getUTCMonth() + 1) || !days.includes(day.getUTCDate()) || !weekdays.includes(day.getUTCDay())) continue;
    for (const hour of hours) {
      for (const minute of minutes) {
        for (const second of seconds) {
          const at = day.getTime() + ((hour * 60 + minute) * 60 + second) * 1000;
          if (at > after.getTime()) found.push(new Date(at));
          if (found.length === count) return found;
        }
      }
    }
  }
  return found;
}
