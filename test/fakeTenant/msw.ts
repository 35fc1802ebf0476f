// msw v2 handlers that forward every request on the fake hosts to the tenant.
// Whole origins are covered, so a wrong site path or API version reaches the
// fake (and gets its 404) instead of msw's "unhandled request".
import { http, HttpResponse, type HttpHandler } from 'msw';
import { NetworkResetError } from './faults.js';
import type { FakeTenant } from './types.js';

export const FAKE_GRAPH_BASE_URL = 'https://graph.fake.test/v1.0';
export const FAKE_SHAREPOINT_SITE_URL = 'https://contoso.sharepoint.fake.test/sites/it';
export const FAKE_PRODUCT_NAMES_URL = 'https://download.fake.test/msdownload/product-names.csv';

export interface FakeTenantHandlerOptions {
  graphBaseUrl?: string;
  sharePointSiteUrl?: string;
  productNamesUrl?: string;
}

export function fakeTenantHandlers(tenant: FakeTenant, options: FakeTenantHandlerOptions = {}): HttpHandler[] {
  const origins = new Set([
    new URL(options.graphBaseUrl ?? FAKE_GRAPH_BASE_URL).origin,
    new URL(options.sharePointSiteUrl ?? FAKE_SHAREPOINT_SITE_URL).origin,
    new URL(options.productNamesUrl ?? FAKE_PRODUCT_NAMES_URL).origin,
  ]);
  return [...origins].map((origin) =>
    http.all(`${origin}/*`, async ({ request }) => {
      try {
        return await tenant.handle(request);
      } catch (error) {
        // A 'reset' fault must look like a dropped connection: fetch rejects with TypeError.
        // After the client aborted (a 'hang'), its fetch has already rejected: answer nothing useful.
        if (error instanceof NetworkResetError || request.signal.aborted) return HttpResponse.error();
        throw error;
      }
    }),
  );
}
