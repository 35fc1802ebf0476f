import { app, output } from '../src/functionsSdk.js';
import { doctorHandler } from '../src/triggers/doctorHandler.js';
import { previewHandler } from '../src/triggers/previewHandler.js';
import { queuedRunHandler } from '../src/triggers/queuedRunHandler.js';
import { runStatusHandler } from '../src/triggers/runStatusHandler.js';
import { processServices, RUN_QUEUE } from '../src/triggers/services.js';
import { startRunHandler } from '../src/triggers/startRunHandler.js';

const runQueue = output.storageQueue({ queueName: RUN_QUEUE, connection: 'AzureWebJobsStorage' });

app.http('reportRun', {
  methods: ['POST'],
  authLevel: 'function',
  route: 'report/runs',
  extraOutputs: [runQueue],
  handler: startRunHandler(processServices, (context, message) => context.extraOutputs.set(runQueue, message)),
});

app.http('reportRunStatus', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/runs/{runId}',
  handler: runStatusHandler(processServices),
});

app.http('reportPreview', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/preview/{siteCode}',
  handler: previewHandler(processServices),
});

app.http('reportDoctor', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/doctor',
  handler: doctorHandler(processServices),
});

app.storageQueue('runQueuedReport', {
  queueName: RUN_QUEUE,
  connection: 'AzureWebJobsStorage',
  handler: queuedRunHandler(processServices),
});
