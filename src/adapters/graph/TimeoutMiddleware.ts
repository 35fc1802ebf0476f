import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { fetchWithTimeout } from '../http/fetchWithTimeout.js';
import { carryError } from './carryError.js';
import { describeContext } from './describeContext.js';

/**
 * One deadline per attempt (REQUEST_TIMEOUT_MS), headers and body: the Graph client has none, and
 * a hung request would otherwise hold its site (and the run) forever. Sits below the retry
 * middleware, so a timeout is never retried: for sendMail it means "maybe sent".
 */
export class TimeoutMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly timeoutMs: number) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('TimeoutMiddleware needs a next middleware');
    const { method, url } = describeContext(context);
    try {
      context.response = await fetchWithTimeout(
        async (signal) => {
          context.options = { ...context.options, signal };
          await next.execute(context);
          if (!context.response) throw new Error(`${method} ${url}: no response`);
          return context.response;
        },
        { method, url, timeoutMs: this.timeoutMs },
      );
    } catch (error) {
      throw carryError(error);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
