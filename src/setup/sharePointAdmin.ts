// SharePoint REST with the admin's own token, for `setup -- lists`: read a list's fields, create a
// list, a field, an item. Minimal-metadata JSON, as PnPjs v4 sends it; no retry (an admin runs it
// and can rerun it: every step checks first).
import { redactSecrets } from '../errors.js';
import type { RawRecord } from '../ports.js';
import type { ExistingField } from './planList.js';

export interface SharePointAdmin {
  /** undefined when the list does not exist. */
  listFields(title: string): Promise<ExistingField[] | undefined>;
  createList(title: string, description: string): Promise<void>;
  addField(title: string, schemaXml: string, options: number): Promise<{ InternalName: string }>;
  listItems(title: string, select: readonly string[]): Promise<RawRecord[]>;
  addItem(title: string, values: RawRecord): Promise<void>;
}

export class SharePointRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const HEADERS = {
  Accept: 'application/json;odata=nometadata',
  'Content-Type': 'application/json;charset=utf-8',
  // SharePoint throttles undecorated traffic first.
  'User-Agent': 'NONISV|m365-license-report|Setup/1.0',
};

async function failure(response: Response, what: string): Promise<SharePointRequestError> {
  const text = await response.text().catch(() => '');
  let detail = `HTTP ${response.status}`;
  try {
    const body = JSON.parse(text) as Record<string, { message?: { value?: string } | string } | string | undefined>;
    const error = body['odata.error'];
    const message = typeof error === 'object' ? error.message : undefined;
    const value = typeof message === 'string' ? message : message?.value;
    detail = value ?? (typeof body['error_description'] === 'string' ? body['error_description'] : detail);
  } catch {
    // not JSON: the status says enough
  }
  return new SharePointRequestError(response.status, `${what}: ${redactSecrets(detail)} (HTTP ${response.status})`);
}

const listPath = (title: string): string => `_api/web/lists/getbytitle('${encodeURIComponent(title.replace(/'/g, "''"))}')`;

export function createSharePointAdmin(siteUrl: string, token: string, options: { fetch?: typeof fetch | undefined; timeoutMs?: number } = {}): SharePointAdmin {
  const send = options.fetch ?? fetch;
  const base = siteUrl.replace(/\/+$/, '');
  const request = (path: string, init: { method?: string; body?: unknown } = {}): Promise<Response> =>
    send(path.startsWith('https://') ? path : `${base}/${path}`, {
      method: init.method ?? 'GET',
      headers: { ...HEADERS, Authorization: `Bearer ${token}` },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });

  return {
    async listFields(title) {
      const response = await request(`${listPath(title)}/fields?$select=InternalName,Title,TypeAsString,Hidden`);
      if (response.status === 404) return undefined;
      if (!response.ok) throw await failure(response, `reading the columns of list "${title}"`);
      return ((await response.json()) as { value: ExistingField[] }).value;
    },
    async createList(title, description) {
      // SP.List creation properties: BaseTemplate 100 = custom list.
      const body = { Title: title, Description: description, BaseTemplate: 100, AllowContentTypes: false, ContentTypesEnabled: false };
      const response = await request('_api/web/lists', { method: 'POST', body });
      if (!response.ok) throw await failure(response, `creating list "${title}"`);
    },
    async addField(title, schemaXml, fieldOptions) {
      const response = await request(`${listPath(title)}/fields/createfieldasxml`, {
        method: 'POST',
        body: { parameters: { SchemaXml: schemaXml, Options: fieldOptions } },
      });
      if (!response.ok) throw await failure(response, `adding a column to list "${title}"`);
      return (await response.json()) as { InternalName: string };
    },
    async listItems(title, select) {
      const items: RawRecord[] = [];
      let next: string | undefined = `${listPath(title)}/items?$select=${select.map(encodeURIComponent).join(',')}&$top=5000`;
      while (next) {
        const response = await request(next);
        if (!response.ok) throw await failure(response, `reading list "${title}"`);
        const page = (await response.json()) as { value: RawRecord[]; 'odata.nextLink'?: string };
        items.push(...page.value);
        next = page['odata.nextLink'];
      }
      return items;
    },
    async addItem(title, values) {
      const response = await request(`${listPath(title)}/items`, { method: 'POST', body: values });
      if (!response.ok) throw await failure(response, `adding a row to list "${title}"`);
    },
  };
}
