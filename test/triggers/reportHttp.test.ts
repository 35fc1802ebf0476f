import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HttpRequest } from '../../src/functionsSdk.js';
import { createRunLedger } from '../../src/ledger/createRunLedger.js';
import { previewHandler } from '../../src/triggers/previewHandler.js';
import { queuedRunHandler } from '../../src/triggers/queuedRunHandler.js';
import { runStatusHandler } from '../../src/triggers/runStatusHandler.js';
import { startRunHandler, type QueuedRun } from '../../src/triggers/startRunHandler.js';
import { createTriggerHarness } from './triggerHarness.js';

const h = createTriggerHarness();
beforeAll(() => h.server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => h.server.close());
const queued: QueuedRun[] = [];
beforeEach(() => {
  h.tenant.reset();
  queued.length = 0;
});

const start = startRunHandler(h.services, (_context, message) => queued.push(message));
const post = (body: unknown, query = '') =>
  start(
    new HttpRequest({
      method: 'POST',
      url: `https://app.test/api/report/runs${query}`,
      body: { string: typeof body === 'string' ? body : JSON.stringify(body) },
    }),
    h.context(),
  );

describe('POST /api/report/runs', () => {
  it.each([
    ['{"sites": "SIEGE;DROP"}', 'sites'],
    ['{"dryRun": "maybe"}', 'dryRun'],
    ['not json', 'body'],
    ['{"colour": "blue"}', 'colour'],
  ])('answers 400 naming the field for %s', async (body, field) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(response.jsonBody).toMatchObject({ field });
  });

  it('answers 404 for a site code that is not in the sites list', async () => {
    const response = await post({ sites: ['SIEGE', 'NOPE'] });
    expect(response.status).toBe(404);
    expect(response.jsonBody).toMatchObject({ field: 'sites', unknown: ['NOPE'] });
    expect(queued).toHaveLength(0);
  });

  it('queues a dry run, which the queue function runs and the status URL then returns', async () => {
    const response = await post({ sites: ['SIEGE', 'APF'], dryRun: true });
    expect(response.status).toBe(202);
    const { runId, statusUrl } = response.jsonBody as { runId: string; statusUrl: string };
    expect(statusUrl).toBe(`/api/report/runs/${runId}`);
    expect(queued.at(-1)).toEqual({ runId, request: { siteCodes: ['SIEGE', 'APF'], dryRun: true, force: false } });

    const status = runStatusHandler(h.services);
    const read = () => status(new HttpRequest({ method: 'GET', url: `https://app.test${statusUrl}`, params: { runId } }), h.context());
    expect((await read()).jsonBody).toMatchObject({ runId, state: 'queued' });

    await queuedRunHandler(h.services)(queued.at(-1), h.context());
    const done = await read();
    expect(done.status).toBe(200);
    const body = done.jsonBody as {
      state: string;
      result: { runId: string; dryRun: boolean; sites: { code: string; status: string; exported: number; total: number }[] };
    };
    expect(body.state).toBe('done');
    expect(body.result.runId).toBe(runId);
    expect(body.result.dryRun).toBe(true);
    expect(body.result.sites.map((s) => [s.code, s.status, `${s.exported}/${s.total}`])).toEqual([
      ['SIEGE', 'ok', '35/35'],
      ['APF', 'ok', '112/112'],
    ]);
    expect(h.tenant.sentMail).toHaveLength(0); // a dry run sends nothing
  });

  it('answers 409 while a run for this month holds the lease', async () => {
    const lease = await createRunLedger(h.store).lock('2026-11', 'another-run');
    try {
      const response = await post({ sites: ['SIEGE'] });
      expect(response.status).toBe(409);
      expect(String((response.jsonBody as { error: string }).error)).toContain('another-run');
    } finally {
      await lease.release();
    }
  });

  it('answers 400 and 404 for bad and unknown run ids', async () => {
    const status = runStatusHandler(h.services);
    const bad = await status(new HttpRequest({ method: 'GET', url: 'https://app.test/api/report/runs/x', params: { runId: '../x' } }), h.context());
    expect(bad.status).toBe(400);
    const id = '00000000-0000-4000-8000-000000000000';
    const missing = await status(new HttpRequest({ method: 'GET', url: `https://app.test/api/report/runs/${id}`, params: { runId: id } }), h.context());
    expect(missing.status).toBe(404);
  });
});

describe('GET /api/report/preview/{siteCode}', () => {
  const preview = previewHandler(h.services);
  const get = (siteCode: string) =>
    preview(new HttpRequest({ method: 'GET', url: `https://app.test/api/report/preview/${siteCode}`, params: { siteCode } }), h.context());

  it("shows a site's report as HTML without sending anything", async () => {
    const response = await get('humA');
    expect(response.status).toBe(200);
    expect(response.headers).toMatchObject({ 'Content-Type': 'text/html; charset=utf-8' });
    expect(String(response.body)).toContain('HUMALLIANCE');
    expect(String(response.body)).not.toContain('<script');
    expect(h.tenant.sentMail).toHaveLength(0);
  });

  it('answers 404 for an unknown site and 400 for a malformed code', async () => {
    expect((await get('NOPE')).status).toBe(404);
    expect((await get('<b>')).status).toBe(400);
  });
});
