import type { Context } from '@microsoft/microsoft-graph-client';

/** Method and URL of the request a Graph middleware is handling. */
export function describeContext(context: Context): { method: string; url: string } {
  const url = typeof context.request === 'string' ? context.request : context.request.url;
  const method = (context.options?.method ?? (typeof context.request === 'string' ? 'GET' : context.request.method)).toUpperCase();
  return { method, url };
}
