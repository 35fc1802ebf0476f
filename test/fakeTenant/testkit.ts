// Helpers shared by the fake tenant's own tests (not part of its public API).
import { setupServer } from 'msw/node';
import { createFakeTenant } from './tenant.js';
import { fakeTenantHandlers } from './msw.js';
import { sampleTenantData } from './data/sample.js';
import type { FakeGroup, FakeTenantOptions, TenantData } from './types.js';

export { FAKE_GRAPH_BASE_URL as GRAPH, FAKE_SHAREPOINT_SITE_URL as SITE } from './msw.js';

/** A tenant behind msw; the caller wires server.listen/close in its hooks. */
export function mswTenant(data: TenantData = sampleTenantData(), options: FakeTenantOptions = {}) {
  const tenant = createFakeTenant(data, options);
  const server = setupServer(...fakeTenantHandlers(tenant));
  return { tenant, server };
}

export function auth(extra: Record<string, string> = {}): Record<string, string> {
  return { Authorization: 'Bearer fake-token', ...extra };
}

export interface JsonReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown> & { value?: Array<Record<string, unknown>> };
}

export async function getJson(url: string, headers: Record<string, string> = auth()): Promise<JsonReply> {
  const response = await fetch(url, { headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as JsonReply['body']) : {} };
}

/** Follows a Graph @odata.nextLink chain; returns every page. */
export async function graphPages(url: string, headers: Record<string, string> = auth()): Promise<JsonReply[]> {
  const pages: JsonReply[] = [];
  for (let next: string | undefined = url; next;) {
    const page = await getJson(next, headers);
    if (page.status !== 200) throw new Error(`page ${next} -> ${page.status} ${JSON.stringify(page.body)}`);
    pages.push(page);
    next = page.body['@odata.nextLink'] as string | undefined;
  }
  return pages;
}

export function groupByName(data: TenantData, displayName: string): FakeGroup {
  const group = data.groups.find((g) => g.displayName === displayName);
  if (!group) throw new Error(`no group ${displayName}`);
  return group;
}
