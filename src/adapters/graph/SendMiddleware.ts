import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { RetryPolicy } from '../http/retryRequest.js';
import { sendWithRetryAndTimeout } from '../http/sendWithRetryAndTimeout.js';
import { carryError } from './carryError.js';
import { describeContext } from './describeContext.js';

/**
 * The last link: sends the request, each attempt under REQUEST_TIMEOUT_MS, retrying throttled and
 * unavailable answers. Written instead of the library's RetryHandler (3.0.7), which cannot keep our
 * promises: it has no time budget (maxRetries is capped at 10 and shouldRetry is told neither the
 * elapsed time nor the wait it is about to take), without Retry-After it waits whole-second
 * exponential steps plus up to 1 s of randomness that cannot be tuned, and it answers a given-up
 * request with the last 429 instead of a clear error; the client has no timeout at all. The policy
 * comes per request so sendMail (not idempotent) gets its own, stricter rule. The fetch is
 * injectable (a loopback test tenant, a recording fetch); the global one is looked up per call so
 * msw's interception applies.
 */
export class SendMiddleware implements Middleware {
  constructor(
    private readonly policyFor: (method: string, url: string) => RetryPolicy,
    private readonly timeoutMs: number,
    private readonly fetchImpl?: typeof fetch,
  ) {}

  async execute(context: Context): Promise<void> {
    const request = describeContext(context);
    const send = this.fetchImpl ?? globalThis.fetch;
    try {
      context.response = await sendWithRetryAndTimeout(
        (signal) => send(context.request, { ...(context.options as RequestInit), signal }),
        request,
        this.policyFor(request.method, request.url),
        this.timeoutMs,
      );
    } catch (error) {
      throw carryError(error);
    }
  }
}
