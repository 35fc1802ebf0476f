import { app, output } from '../src/functionsSdk.js';
import { lazyHandler } from '../src/triggers/lazyHandler.js';
import { processServices, RUN_QUEUE } from '../src/triggers/triggerServices.js';

// Each handler's module is loaded at its first invocation (lazyHandler): indexing the functions
// at a cold start loads only the SDK and these registrations.
const runQueue = output.storageQueue({ queueName: RUN_QUEUE, connection: 'AzureWebJobsStorage' });

app.http('reportRun', {
  methods: ['POST'],
  authLevel: 'function',
  route: 'report/runs',
  extraOutputs: [runQueue],
  handler: lazyHandler(async () =>
    (await import('../src/triggers/startRunHandler.js')).startRunHandler(processServices, (context, message) => context.extraOutputs.set(runQueue, message)),
  ),
});

app.http('reportRunStatus', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/runs/{runId}',
  handler: lazyHandler(async () => (await import('../src/triggers/runStatusHandler.js')).runStatusHandler(processServices)),
});

app.http('reportPreview', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/preview/{siteCode}',
  handler: lazyHandler(async () => (await import('../src/triggers/previewHandler.js')).previewHandler(processServices)),
});

app.http('reportDoctor', {
  methods: ['GET'],
  authLevel: 'function',
  route: 'report/doctor',
  handler: lazyHandler(async () => (await import('../src/triggers/doctorHandler.js')).doctorHandler(processServices)),
});

app.storageQueue('runQueuedReport', {
  queueName: RUN_QUEUE,
  connection: 'AzureWebJobsStorage',
  handler: lazyHandler(async () => (await import('../src/triggers/queuedRunHandler.js')).queuedRunHandler(processServices)),
});
