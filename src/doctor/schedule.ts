// The schedule: REPORT_SCHEDULE as the timer resolves it (src/triggers/timerSchedule.ts), parsed as
// the Functions host parses NCRONTAB, its next three occurrences (UTC, as the timer fires on Linux)
// shown in REPORT_TIME_ZONE with the month each one reports on.
import { NcrontabError, nextOccurrences, parseNcrontab } from '../core/ncrontab.js';
import { reportPeriod } from '../core/reportPeriod.js';
import { timerSchedule } from '../triggers/timerSchedule.js';
import type { DoctorContext } from './doctorContext.js';
import { result, type CheckResult } from './runDoctor.js';

const TITLE = 'Schedule (REPORT_SCHEDULE)';
const FIX =
  'REPORT_SCHEDULE: six fields, second minute hour day month day-of-week, in UTC, e.g. 0 0 6 1 * * (06:00 UTC on the 1st); unset, that is the default';

export function scheduleCheck(ctx: DoctorContext): CheckResult[] {
  const expression = timerSchedule(ctx.env);
  // A TimeSpan ("hh:mm:ss") is accepted on App Service plans only, not on (Flex) Consumption.
  if (/^\d{1,2}:\d{2}(:\d{2})?$/.test(expression)) {
    return [
      result(
        'schedule',
        'fail',
        TITLE,
        `"${expression}" is a TimeSpan: the Functions host takes one on an App Service plan only, not on Flex Consumption`,
        FIX,
      ),
    ];
  }
  let next: Date[];
  try {
    next = nextOccurrences(parseNcrontab(expression), ctx.clock.now(), 3);
  } catch (error) {
    if (!(error instanceof NcrontabError)) throw error;
    return [result('schedule', 'fail', TITLE, `"${expression}" is not NCRONTAB: ${error.message}; the timer function would not load`, FIX)];
  }
  if (next.length === 0) return [result('schedule', 'fail', TITLE, `"${expression}" never fires (no such date)`, FIX)];

  const zone = ctx.config.timeZone;
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const periods = next.map((at) => reportPeriod(at, zone));
  const times = next.map((at, i) => `${format.format(at)} (report ${periods[i]})`).join('; ');
  const out = [result('schedule', 'ok', TITLE, `${expression} (UTC): next in ${zone}: ${times}`)];
  if (new Set(periods).size < periods.length) {
    out.push(
      result(
        'schedule.frequency',
        'warn',
        TITLE,
        'fires more than once a month: each later run of a month sends only the sites not yet sent, and the summary to IT again',
        FIX,
      ),
    );
  }
  if (ctx.env['WEBSITE_TIME_ZONE']?.trim()) {
    out.push(
      result(
        'schedule.timeZone',
        'warn',
        'Setting WEBSITE_TIME_ZONE',
        'ignored on Linux (Flex Consumption): the timer reads REPORT_SCHEDULE in UTC',
        'remove WEBSITE_TIME_ZONE; REPORT_TIME_ZONE sets the report month and the dates in the mails',
      ),
    );
  }
  return out;
}
