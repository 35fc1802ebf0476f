// The fake tenant: records every request, applies latency and fault rules, checks
// the bearer token, then routes by path. One instance serves msw and the HTTPS server.
import { classify } from './classify.js';
import { FaultEngine, faultResponse, hangUntilAborted, NetworkResetError } from './faults.js';
import { Directory } from './graph/directory.js';
import { routeGraph } from './graph/router.js';
import { delay, graphError, hasBearer, spError } from './http.js';
import { productNamesResponse } from './productNames.js';
import { routeSharePoint } from './sharepoint/router.js';
import type { FakeTenant, FakeTenantOptions, RequestRecord, TenantData } from './types.js';

export const DEFAULT_FAKE_TOKEN = 'fake-token';

export function createFakeTenant(data: TenantData, options: FakeTenantOptions = {}): FakeTenant {
  const token = options.token ?? DEFAULT_FAKE_TOKEN;
  const latencyMs = options.latencyMs ?? 0;
  const faults = new FaultEngine();
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();

  const tenant: FakeTenant = {
    data,
    requests: [],
    sentMail: [],
    handle: (request) => serve(request, false),
    addFault: (rule) => faults.add(rule),
    clearFaults: () => faults.clear(),
    countsByKind() {
      const counts: Record<string, number> = {};
      for (const r of tenant.requests) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
      return counts;
    },
    maxInFlight: (kind) => peaks.get(kind) ?? 0,
    reset() {
      tenant.requests.length = 0;
      tenant.sentMail.length = 0;
      faults.clear();
      peaks.clear();
    },
  };
  // Reads tenant.data on every call: tests may replace the whole object between months.
  const directory = new Directory(() => tenant.data);

  async function serve(request: Request, inBatch: boolean): Promise<Response> {
    const url = new URL(request.url);
    const kind = classify(url.pathname);
    const record: RequestRecord = { method: request.method, url: request.url, kind, status: 0, startedAt: Date.now(), endedAt: 0 };
    if (inBatch) record.inBatch = true;
    tenant.requests.push(record);
    const running = (inFlight.get(kind) ?? 0) + 1;
    inFlight.set(kind, running);
    peaks.set(kind, Math.max(peaks.get(kind) ?? 0, running));
    try {
      // Latency once per HTTP request: steps inside a $batch share their batch's round trip.
      if (latencyMs > 0 && !inBatch) await delay(latencyMs, request.signal);
      const fault = faults.take(request, kind);
      let response: Response;
      if (fault === 'hang') return await hangUntilAborted(request.signal);
      if (fault === 'reset') throw new NetworkResetError();
      if (fault) response = faultResponse(fault);
      else response = await route(request, url, kind);
      record.status = response.status;
      return response;
    } finally {
      inFlight.set(kind, (inFlight.get(kind) ?? 1) - 1);
      record.endedAt = Date.now();
    }
  }

  async function route(request: Request, url: URL, kind: string): Promise<Response> {
    // The product-names CSV is a public download: no token.
    if (kind === 'productNames') return productNamesResponse(tenant.data.skus);
    const isSharePoint = url.pathname.toLowerCase().includes('/_api/');
    if (!hasBearer(request, token)) {
      const present = request.headers.has('authorization');
      if (isSharePoint) {
        return spError(401, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.', {
          'WWW-Authenticate': 'Bearer realm="fake", client_id="00000003-0000-0ff1-ce00-000000000000"',
        });
      }
      return graphError(401, 'InvalidAuthenticationToken', present ? 'Access token validation failure. Invalid audience.' : 'Access token is empty.', {
        'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      });
    }
    if (isSharePoint) return routeSharePoint(tenant.data, request, url);
    if (/^\/v1\.0(\/|$)/i.test(url.pathname)) {
      return routeGraph({ data: tenant.data, directory, sentMail: tenant.sentMail, runInner: (r) => serve(r, true) }, request, url);
    }
    return graphError(404, 'ResourceNotFound', `The fake tenant has no resource at '${url.pathname}'.`);
  }

  return tenant;
}
