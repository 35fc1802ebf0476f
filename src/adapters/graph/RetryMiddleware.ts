import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { retryRequest, type RetryPolicy } from '../http/retryRequest.js';
import { carryError, uncarryError } from './carryError.js';
import { describeContext } from './describeContext.js';

/**
 * Retries throttled and unavailable answers. Written instead of the library's RetryHandler
 * (3.0.7), which cannot keep our promises: it has no time budget (maxRetries is capped at 10 and
 * shouldRetry is told neither the elapsed time nor the wait it is about to take), without
 * Retry-After it waits whole-second exponential steps plus up to 1 s of randomness that cannot be
 * tuned, and it answers a given-up request with the last 429 instead of a clear error. The policy
 * comes per request so sendMail (not idempotent) gets its own, stricter rule.
 */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly policyFor: (method: string, url: string) => RetryPolicy) {}

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware needs a next middleware');
    const request = describeContext(context);
    try {
      context.response = await retryRequest(
        async () => {
          // Unwrapped so the policy sees the fetch failure or TimeoutError itself.
          await next.execute(context).catch((error: unknown) => Promise.reject(uncarryError(error)));
          if (!context.response) throw new Error(`${request.method} ${request.url}: no response`);
          return context.response;
        },
        request,
        this.policyFor(request.method, request.url),
      );
    } catch (error) {
      throw carryError(error);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
