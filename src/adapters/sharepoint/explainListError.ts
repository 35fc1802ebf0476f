import { Web, type IWeb } from '@pnp/sp/webs/index.js';
import { HttpError, redactSecrets, TimeoutError } from '../../errors.js';
import { NetworkError, pathWithoutQuery } from '../http/networkFailure.js';

const SECRET_HINT =
  ' (SharePoint refuses app-only tokens obtained with a client secret: use a certificate, AZURE_CLIENT_CERTIFICATE_PATH, or the managed identity)';

/**
 * One clear message for a failed list read. A 404 is either the list (SharePoint says "List 'X'
 * does not exist", or the site answers) or the site itself (SHAREPOINT_SITE_URL wrong): a probe of
 * the web tells them apart. A 401 keeps SharePoint's reason and, for the answers SharePoint gives
 * an app-only token obtained with a client secret, says what to use instead. Our own errors
 * (timeout, throttled past the run deadline, no connection) pass through unchanged.
 */
export async function explainListError(error: unknown, web: IWeb, siteUrl: string, listTitle: string): Promise<Error> {
  if (error instanceof HttpError || error instanceof TimeoutError || error instanceof NetworkError) return error;
  const info = await readSharePointError(error);
  const path = pathWithoutQuery(`${siteUrl}/_api/web/lists/getByTitle('${listTitle}')/items`);
  const options = { cause: error };
  switch (info.status) {
    case undefined:
      return new Error(`Reading SharePoint list '${listTitle}' at ${siteUrl} failed: ${info.message}`, options);
    case 404:
      if (/List .* does not exist/i.test(info.message) || (await webAnswers(web))) {
        return new Error(`SharePoint list '${listTitle}' not found at ${siteUrl}`, options);
      }
      return new Error(`SharePoint site ${siteUrl} not found (check SHAREPOINT_SITE_URL)`, options);
    default:
      return refusal(path, siteUrl, info as Required<SharePointErrorInfo>);
  }
}

/** The same for a read of the site itself (`{site}/_api/web`): a 404 there is SHAREPOINT_SITE_URL. */
export async function explainSiteError(error: unknown, siteUrl: string): Promise<Error> {
  if (error instanceof HttpError || error instanceof TimeoutError || error instanceof NetworkError) return error;
  const info = await readSharePointError(error);
  if (info.status === undefined) return new Error(`Reading SharePoint site ${siteUrl} failed: ${info.message}`, { cause: error });
  if (info.status === 404) return new Error(`SharePoint site ${siteUrl} not found (check SHAREPOINT_SITE_URL)`, { cause: error });
  return refusal(pathWithoutQuery(`${siteUrl}/_api/web`), siteUrl, info as Required<SharePointErrorInfo>);
}

function refusal(path: string, siteUrl: string, info: Required<SharePointErrorInfo>): HttpError {
  if (info.status === 401) {
    const hint = /app.?only|unsupported security token/i.test(info.message) ? SECRET_HINT : '';
    return new HttpError('GET', path, 401, `SharePoint refused the token: ${info.message}${hint}`);
  }
  if (info.status === 403) return new HttpError('GET', path, 403, `the app may not read ${siteUrl} (grant it read access to the site): ${info.message}`);
  return new HttpError('GET', path, info.status, info.message);
}

async function webAnswers(web: IWeb): Promise<boolean> {
  try {
    // A fresh queryable per probe: one PnPjs instance run twice at once (both lists failing
    // together) never settles its second request.
    await Web(web).select('Title')();
    return true;
  } catch (probeError) {
    return (await readSharePointError(probeError)).status !== 404;
  }
}

interface SharePointErrorInfo {
  /** HTTP status, or undefined when the request got no HTTP answer. */
  status?: number;
  /** SharePoint's own reason, or the error's message. */
  message: string;
}

/**
 * Status and reason of what PnPjs threw (its HttpRequestError keeps the response). SharePoint
 * words its reason in one of: JSON light {"odata.error": {code, message: {value}}}, OData v4
 * {error: {message}}, a token refusal {"error_description": "Unsupported app only token."}
 * (pnp/pnpjs#1501), or headers only: WWW-Authenticate's error_description, x-ms-diagnostics' reason
 * (sp-dev-docs#7152; 401s with an empty body: learn.microsoft.com/answers/questions/5786195).
 */
async function readSharePointError(error: unknown): Promise<SharePointErrorInfo> {
  const candidate = error as { isHttpRequestError?: boolean; status?: number; response?: Response; message?: string };
  if (!candidate?.isHttpRequestError || typeof candidate.status !== 'number') {
    return { message: redactSecrets(error instanceof Error ? error.message : String(error)) };
  }
  let text = '';
  try {
    text = (await candidate.response?.clone().text()) ?? '';
  } catch {
    // the body was already read: fall back to the headers and the status
  }
  const headers = candidate.response?.headers;
  const reason =
    reasonInBody(text) ??
    quotedParameter(headers?.get('www-authenticate'), 'error_description') ??
    quotedParameter(headers?.get('x-ms-diagnostics'), 'reason') ??
    quotedParameter(headers?.get('www-authenticate'), 'error') ??
    `HTTP ${candidate.status}`;
  return { status: candidate.status, message: redactSecrets(reason) };
}

function reasonInBody(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    if (typeof body['error_description'] === 'string' && body['error_description']) return body['error_description'];
    const error = (body['odata.error'] ?? body['error']) as { message?: unknown } | undefined;
    const message = error?.message;
    if (typeof message === 'string' && message) return message;
    const value = (message as { value?: unknown } | undefined)?.value;
    if (typeof value === 'string' && value) return value;
  } catch {
    // not JSON (an HTML error page, an empty body): no reason here
  }
  return undefined;
}

/** `name="value"` in a header such as WWW-Authenticate: Bearer realm="...",error_description="...". */
function quotedParameter(header: string | null | undefined, name: string): string | undefined {
  const match = header ? new RegExp(`(?:^|[\\s,;])${name}="([^"]*)"`, 'i').exec(header) : null;
  return match?.[1] || undefined;
}
