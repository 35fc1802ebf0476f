// The fake tenant: records every request, applies latency and fault rules, checks
// the bearer token, then routes by path. One instance serves msw and the HTTPS server.
import { classify } from './classify.js';
import { FaultEngine, faultResponse, hangUntilAborted, NetworkResetError } from './faults.js';
import { Directory } from './graph/directory.js';
import { routeGraph } from './graph/router.js';
import { delay, graphError } from './http.js';
import { graphAudienceRefused, missingToken, sharePointRefusal } from './authErrors.js';
import { readGrant } from './permissions.js';
import { productNamesResponse } from './productNames.js';
import { routeSharePoint } from './sharepoint/router.js';
import type { FakeTenant, FakeTenantOptions, RequestRecord, TenantData } from './types.js';

export const DEFAULT_FAKE_TOKEN = 'fake-token';

export function createFakeTenant(data: TenantData, options: FakeTenantOptions = {}): FakeTenant {
  const faults = new FaultEngine();
  const inFlight = new Map<string, number>();
  const peaks = new Map<string, number>();

  const tenant: FakeTenant = {
    data,
    options: { ...options },
    requests: [],
    sentMail: [],
    sentItems: [],
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
      tenant.sentItems.length = 0;
      faults.clear();
      peaks.clear();
    },
  };
  // Reads tenant.data on every call: tests may replace the whole object between months.
  const directory = new Directory(() => tenant.data);
  const now = (): number => (tenant.options.now ?? Date.now)();

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
      const latencyMs = tenant.options.latencyMs ?? 0;
      if (latencyMs > 0 && !inBatch) await delay(latencyMs, request.signal);
      const fault = faults.take(request, kind);
      let response: Response | undefined;
      if (!fault || fault.deliverFirst) response = await route(request, url, kind);
      if (fault) {
        // A delivered request whose answer is then lost: the work is done, the client never learns it.
        if (response) await response.arrayBuffer();
        if (fault.respond === 'hang') return await hangUntilAborted(request.signal);
        if (fault.respond === 'reset') throw new NetworkResetError();
        response = faultResponse(fault.respond);
      }
      record.status = response?.status ?? 0;
      return response as Response;
    } finally {
      inFlight.set(kind, (inFlight.get(kind) ?? 1) - 1);
      record.endedAt = Date.now();
    }
  }

  async function route(request: Request, url: URL, kind: string): Promise<Response> {
    // The product-names CSV is a public download: no token.
    if (kind === 'productNames') return productNamesResponse(tenant.data.skus, tenant.options.productNamesForm ?? 'current');
    const isSharePoint = url.pathname.toLowerCase().includes('/_api/');
    const grant = readGrant(request, tenant.options.token ?? DEFAULT_FAKE_TOKEN);
    if (!grant) return missingToken(request, isSharePoint, tenant.data.tenantId);
    if (isSharePoint) {
      const refused = sharePointRefusal(grant, tenant.options, url, tenant.data.tenantId);
      return refused ?? routeSharePoint(tenant.data, request, url);
    }
    if (/^\/v1\.0(\/|$)/i.test(url.pathname)) {
      const refused = graphAudienceRefused(grant, url);
      if (refused) return refused;
      return routeGraph(
        {
          data: tenant.data,
          directory,
          grant,
          options: tenant.options,
          now,
          sentMail: tenant.sentMail,
          sentItems: tenant.sentItems,
          runInner: (r) => serve(r, true),
        },
        request,
        url,
      );
    }
    return graphError(404, 'ResourceNotFound', `The fake tenant has no resource at '${url.pathname}'.`);
  }

  return tenant;
}
