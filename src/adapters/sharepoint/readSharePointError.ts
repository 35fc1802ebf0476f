import { redactSecrets } from '../../errors.js';

export interface SharePointErrorInfo {
  /** HTTP status, or undefined when the request got no HTTP answer. */
  status?: number;
  /** SharePoint's own message (odata.error.message.value), or the error's message. */
  message: string;
}

/**
 * Status and service message of what PnPjs threw. Its HttpRequestError keeps the response; the
 * body is JSON light ({"odata.error": {code, message: {value}}}) or OData v4 ({error: {message}}).
 */
export async function readSharePointError(error: unknown): Promise<SharePointErrorInfo> {
  const candidate = error as { isHttpRequestError?: boolean; status?: number; response?: Response; message?: string };
  if (!candidate?.isHttpRequestError || typeof candidate.status !== 'number') {
    return { message: redactSecrets(error instanceof Error ? error.message : String(error)) };
  }
  let text = '';
  try {
    text = (await candidate.response?.clone().text()) ?? '';
  } catch {
    // the body was already read: fall back to the status alone
  }
  return { status: candidate.status, message: redactSecrets(serviceMessage(text) ?? `HTTP ${candidate.status}`) };
}

function serviceMessage(text: string): string | undefined {
  try {
    const body = JSON.parse(text) as Record<string, { message?: unknown; code?: unknown } | undefined>;
    const error = body['odata.error'] ?? body['error'];
    const message = error?.message;
    if (typeof message === 'string') return message;
    if (message && typeof message === 'object' && typeof (message as { value?: unknown }).value === 'string') {
      return (message as { value: string }).value;
    }
  } catch {
    // not JSON (an HTML error page): no service message
  }
  return undefined;
}
