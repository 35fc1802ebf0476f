// What the Functions host sees when it loads dist/functions/*.js: the names, triggers, routes and
// auth levels IT calls and the README documents. The SDK's registry is replaced by a recorder.
import { describe, expect, it, vi } from 'vitest';

const registered = vi.hoisted(() => [] as Array<{ kind: string; name: string; options: Record<string, unknown> }>);

vi.mock('../../src/functionsSdk.js', async (importOriginal) => {
  const sdk = await importOriginal<typeof import('../../src/functionsSdk.js')>();
  const record = (kind: string) => (name: string, options: Record<string, unknown>) => void registered.push({ kind, name, options });
  return { ...sdk, app: { http: record('http'), timer: record('timer'), storageQueue: record('storageQueue') } };
});

await import('../../functions/monthlyReport.js');
await import('../../functions/report.js');

const find = (name: string) => registered.find((entry) => entry.name === name);

describe('function registrations', () => {
  it('registers exactly the five functions the README lists', () => {
    expect(registered.map((entry) => `${entry.kind}:${entry.name}`).sort()).toEqual([
      'http:reportPreview',
      'http:reportRun',
      'http:reportRunStatus',
      'storageQueue:runQueuedReport',
      'timer:monthlyReport',
    ]);
    for (const entry of registered) expect(typeof entry.options['handler']).toBe('function');
  });

  it('schedules the monthly run from the REPORT_SCHEDULE setting, with no retry policy', () => {
    const timer = find('monthlyReport')?.options;
    expect(timer?.['schedule']).toBe('%REPORT_SCHEDULE%');
    expect(timer?.['retry']).toBeUndefined();
  });

  it.each([
    ['reportRun', 'POST', 'report/runs'],
    ['reportRunStatus', 'GET', 'report/runs/{runId}'],
    ['reportPreview', 'GET', 'report/preview/{siteCode}'],
  ])('%s answers %s /api/%s behind a function key', (name, method, route) => {
    expect(find(name)?.options).toMatchObject({ methods: [method], route, authLevel: 'function' });
  });

  it('queues HTTP runs on the queue the queue trigger reads, in the function app’s storage', () => {
    const queued = find('runQueuedReport')?.options;
    const output = (find('reportRun')?.options['extraOutputs'] as Array<Record<string, unknown>>)[0];
    expect(output).toMatchObject({ type: 'queue', queueName: queued?.['queueName'], connection: 'AzureWebJobsStorage' });
    expect(queued?.['connection']).toBe('AzureWebJobsStorage');
  });
});
