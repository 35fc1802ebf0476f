import { describe, expect, it } from 'vitest';
import { fetchWithTimeout } from '../../../src/adapters/http/fetchWithTimeout.js';
import { TimeoutError } from '../../../src/errors.js';

const request = { method: 'GET', url: 'https://contoso.sharepoint.fake.test/sites/it/_api/web?sig=SECRET', timeoutMs: 30 };

describe('fetchWithTimeout', () => {
  it('hands back the answer, body buffered, headers and status kept', async () => {
    const response = await fetchWithTimeout(
      async () => new Response('{"a":1}', { status: 201, headers: { 'Content-Type': 'application/json' } }),
      request,
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('keeps a body-less 204', async () => {
    const response = await fetchWithTimeout(async () => new Response(null, { status: 204 }), request);
    expect(response.status).toBe(204);
  });

  it('aborts a request that never answers and names it without the query string', async () => {
    let aborted = false;
    const error = await fetchWithTimeout(
      (signal) =>
        new Promise<Response>((_, reject) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      request,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe('GET /sites/it/_api/web did not answer within 30 ms');
    expect(aborted).toBe(true);
  });

  it('times out a server that sends headers and then stalls the body', async () => {
    const stalled = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode('{"val')) });
    const error = await fetchWithTimeout(async () => new Response(stalled, { status: 200 }), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('times out even with a fetch that ignores the abort signal', async () => {
    const error = await fetchWithTimeout(() => new Promise<Response>(() => undefined), request).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it('lets other failures through unchanged', async () => {
    const failure = new TypeError('fetch failed');
    await expect(fetchWithTimeout(() => Promise.reject(failure), request)).rejects.toBe(failure);
  });
});
