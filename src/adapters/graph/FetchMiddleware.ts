import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link: sends the request. Same as the library's HTTPMessageHandler, with an injectable
 * fetch (a loopback test tenant with its own CA, a recording fetch). The global fetch is looked up
 * per call so msw's interception applies.
 */
export class FetchMiddleware implements Middleware {
  constructor(private readonly fetchImpl?: typeof fetch) {}

  async execute(context: Context): Promise<void> {
    const send = this.fetchImpl ?? globalThis.fetch;
    context.response = await send(context.request, context.options as RequestInit);
  }
}
