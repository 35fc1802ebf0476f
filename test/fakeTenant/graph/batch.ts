// POST /$batch (learn.microsoft.com/graph/json-batching): at most 20 requests;
// each runs through the same routing and fault rules as a top-level request,
// so one step can be throttled (429 + Retry-After) inside a 200 batch.
import { graphError, jsonResponse } from '../http.js';

export const BATCH_MAX_REQUESTS = 20;

interface BatchStep {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

function isStep(value: unknown): value is BatchStep {
  const step = value as Partial<BatchStep> | null;
  return typeof step?.id === 'string' && typeof step.method === 'string' && typeof step.url === 'string';
}

export type RunInner = (request: Request) => Promise<Response>;

function badBatch(message: string): Response {
  return graphError(400, 'BadRequest', message);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  if (/json/i.test(response.headers.get('content-type') ?? '')) return JSON.parse(text) as unknown;
  // Non-JSON content is base64-encoded in batch responses.
  return Buffer.from(text).toString('base64');
}

export async function runBatch(request: Request, url: URL, runInner: RunInner): Promise<Response> {
  let payload: { requests?: unknown };
  try {
    payload = (await request.json()) as { requests?: unknown };
  } catch {
    return badBatch('Invalid batch payload format.');
  }
  const steps = payload?.requests;
  if (!Array.isArray(steps) || steps.length === 0) return badBatch('Invalid batch payload format.');
  if (steps.length > BATCH_MAX_REQUESTS) {
    return badBatch(`The number of requests in the batch exceeds the maximum of ${BATCH_MAX_REQUESTS}.`);
  }
  const ids = new Set<string>();
  for (const step of steps) {
    if (!isStep(step)) return badBatch('Each batch request needs string id, method and url.');
    if (ids.has(step.id)) return badBatch(`Batch request id '${step.id}' is duplicated.`);
    ids.add(step.id);
  }

  const responses = [];
  for (const step of steps as BatchStep[]) {
    const stepHeaders = new Headers(step.headers ?? {});
    if (step.body !== undefined && !stepHeaders.has('content-type')) {
      responses.push({
        id: step.id,
        status: 400,
        headers: { 'Content-Type': 'application/json' },
        body: { error: { code: 'BadRequest', message: 'A Content-Type header is required when a request has a body.' } },
      });
      continue;
    }
    // Inner steps inherit the batch's authentication, as in Graph.
    const auth = request.headers.get('authorization');
    if (auth) stepHeaders.set('authorization', auth);
    const relative = step.url.startsWith('/') ? step.url : `/${step.url}`;
    const inner = new Request(`${url.origin}/v1.0${relative}`, {
      method: step.method.toUpperCase(),
      headers: stepHeaders,
      ...(step.body !== undefined ? { body: typeof step.body === 'string' ? step.body : JSON.stringify(step.body) } : {}),
    });
    const response = await runInner(inner);
    const headers: Record<string, string> = {};
    for (const [key, name] of [
      ['content-type', 'Content-Type'],
      ['retry-after', 'Retry-After'],
      ['location', 'Location'],
    ] as const) {
      const value = response.headers.get(key);
      if (value !== null) headers[name] = value;
    }
    const body = await readBody(response);
    responses.push({ id: step.id, status: response.status, headers, ...(body !== undefined ? { body } : {}) });
  }
  return jsonResponse(200, { responses });
}
