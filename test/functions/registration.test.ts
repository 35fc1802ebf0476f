// What the Functions host sees when it loads dist/functions/*.js: the names, triggers, routes and
// auth levels IT calls and the README documents. The SDK's registry is replaced by a recorder.
import { describe, expect, it, vi } from 'vitest';
import { timerSchedule } from '../../src/triggers/timerSchedule.js';

const registered = vi.hoisted(() => [] as Array<{ kind: string; name: string; options: Record<string, unknown> }>);

vi.mock('../../src/functionsSdk.js', async (importOriginal) => {
  const sdk = await importOriginal<typeof import('../../src/functionsSdk.js')>();
  const record = (kind: string) => (name: string, options: Record<string, unknown>) => void registered.push({ kind, name, options });
  return { ...sdk, app: { http: record('http'), timer: record('timer'), storageQueue: record('storageQueue') } };
});

delete process.env['REPORT_SCHEDULE'];
await import('../../functions/monthlyReport.js');
await import('../../functions/report.js');

const find = (name: string) => registered.find((entry) => entry.name === name);

describe('function registrations', () => {
  it('registers exactly the six functions the README lists', () => {
    expect(registered.map((entry) => `${entry.kind}:${entry.name}`).sort()).toEqual([
      'http:reportDoctor',
      'http:reportPreview',
      'http:reportRun',
      'http:reportRunStatus',
      'storageQueue:runQueuedReport',
      'timer:monthlyReport',
    ]);
    for (const entry of registered) expect(typeof entry.options['handler']).toBe('function');
  });

  it('schedules the monthly run at 06:00 UTC on the 1st when REPORT_SCHEDULE is not set, with no retry policy', () => {
    // A real host resolves %NAME% from app settings only: an unset setting would leave no timer at all.
    const timer = find('monthlyReport')?.options;
    expect(timer?.['schedule']).toBe('0 0 6 1 * *');
    expect(timer?.['retry']).toBeUndefined();
  });

  it('takes the schedule from REPORT_SCHEDULE when it is set', () => {
    expect(timerSchedule({ REPORT_SCHEDULE: ' 0 30 5 1 * * ' })).toBe('0 30 5 1 * *');
    expect(timerSchedule({ REPORT_SCHEDULE: '' })).toBe('0 0 6 1 * *');
  });

  it.each([
    ['reportRun', 'POST', 'report/runs'],
    ['reportRunStatus', 'GET', 'report/runs/{runId}'],
    ['reportPreview', 'GET', 'report/preview/{siteCode}'],
    ['reportDoctor', 'GET', 'report/doctor'],
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

describe('host.json', () => {
  it('hands a queued run to the queue trigger once: a crashed run is not rerun behind IT’s back', async () => {
    const { readFile } = await import('node:fs/promises');
    const host = JSON.parse(await readFile(new URL('../../host.json', import.meta.url), 'utf8')) as {
      extensions?: { queues?: { maxDequeueCount?: number } };
    };
    // docs/decisions/http-run-is-queued.md relies on it.
    expect(host.extensions?.queues?.maxDequeueCount).toBe(1);
  });
});
