import { app } from '../src/functionsSdk.js';
import { lazyHandler } from '../src/triggers/lazyHandler.js';
import { timerSchedule } from '../src/triggers/timerSchedule.js';
import { processServices } from '../src/triggers/triggerServices.js';

// Schedule from the REPORT_SCHEDULE app setting (UTC), its default applied in code. Deliberately no
// retry policy: a retry would rerun the whole job; the ledger makes a manual rerun safe instead.
app.timer('monthlyReport', {
  schedule: timerSchedule(process.env),
  handler: lazyHandler(async () => (await import('../src/triggers/monthlyReportHandler.js')).monthlyReportHandler(processServices)),
});
