import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { HttpError, redactSecrets } from '../../errors.js';
import { pathWithoutQuery } from '../http/pathWithoutQuery.js';
import { carryError } from './carryError.js';
import { describeContext } from './describeContext.js';

/**
 * Turns the final non-2xx answer (after retries) into an HttpError naming method, full path
 * (version included, no query string), status and Graph's error code and message. Done here
 * rather than from the client's GraphError, which does not say which URL failed.
 */
export class HttpErrorMiddleware implements Middleware {
  private next?: Middleware;

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('HttpErrorMiddleware needs a next middleware');
    await this.next.execute(context);
    const response = context.response;
    if (!response || response.ok) return;
    const { method, url } = describeContext(context);
    const detail = graphErrorDetail(await response.clone().text().catch(() => ''));
    throw carryError(new HttpError(method, pathWithoutQuery(url), response.status, redactSecrets(detail)));
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** "code: message" from Graph's { error: { code, message } } body, or '' for anything else. */
function graphErrorDetail(body: string): string {
  try {
    const error = (JSON.parse(body) as { error?: { code?: unknown; message?: unknown } }).error;
    return [error?.code, error?.message].filter((part) => typeof part === 'string' && part).join(': ');
  } catch {
    return '';
  }
}
