import { app } from '../src/functionsSdk.js';
import { monthlyReportHandler } from '../src/triggers/monthlyReportHandler.js';
import { processServices } from '../src/triggers/services.js';

// Schedule from the REPORT_SCHEDULE app setting (UTC). Deliberately no retry policy: a retry
// would rerun the whole job; the ledger makes a manual rerun safe instead.
app.timer('monthlyReport', {
  schedule: '%REPORT_SCHEDULE%',
  handler: monthlyReportHandler(processServices),
});
