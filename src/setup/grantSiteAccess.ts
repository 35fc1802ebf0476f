// The site grant through Graph with the admin's token: find the site, keep an existing grant for the
// app, else POST one. Graph may refuse a delegated token (401/403): the caller prints the manual steps.
import { redactSecrets } from '../errors.js';
import type { RawRecord } from '../ports.js';
import { findAppPermission, siteGrantBody, siteLookupUrl, sitePermissionsUrl, type SiteGrantTarget } from './siteGrant.js';

export type SiteGrantOutcome =
  { status: 'granted'; siteId: string } | { status: 'exists'; siteId: string; roles: string[] } | { status: 'refused'; reason: string };

async function graphReason(response: Response, step: string): Promise<string> {
  let message = '';
  try {
    const said = ((await response.json()) as { error?: { message?: unknown } }).error?.message;
    message = typeof said === 'string' ? said : '';
  } catch {
    // no JSON body
  }
  return `${step}: HTTP ${response.status}${message ? ` ${redactSecrets(message)}` : ''}`;
}

export async function grantSiteAccess(target: SiteGrantTarget, graphToken: string, send: typeof fetch = fetch): Promise<SiteGrantOutcome> {
  const call = (url: string, init: { method?: string; body?: RawRecord } = {}): Promise<Response> =>
    send(url, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${graphToken}`, Accept: 'application/json', 'Content-Type': 'application/json' },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(30_000),
    });

  const site = await call(siteLookupUrl(target));
  if (!site.ok) return { status: 'refused', reason: await graphReason(site, 'finding the site') };
  const id = ((await site.json()) as { id?: unknown }).id;
  const siteId = typeof id === 'string' ? id : '';

  const list = await call(sitePermissionsUrl(target.graphBaseUrl, siteId));
  if (!list.ok) return { status: 'refused', reason: await graphReason(list, "reading the site's app permissions") };
  const existing = findAppPermission(((await list.json()) as { value?: RawRecord[] }).value ?? [], target.clientId);
  if (existing !== undefined) {
    // The list omits roles; the permission itself carries them.
    const one = await call(sitePermissionsUrl(target.graphBaseUrl, siteId, existing));
    const roles = one.ok ? ((((await one.json()) as { roles?: unknown }).roles as string[] | undefined) ?? []) : [];
    return { status: 'exists', siteId, roles };
  }

  const created = await call(sitePermissionsUrl(target.graphBaseUrl, siteId), { method: 'POST', body: siteGrantBody(target) });
  if (!created.ok) return { status: 'refused', reason: await graphReason(created, 'granting read on the site') };
  return { status: 'granted', siteId };
}
