import type { HttpResponseInit } from '../functionsSdk.js';

export function json(status: number, body: unknown): HttpResponseInit {
  return { status, jsonBody: body, headers: { 'Cache-Control': 'no-store' } };
}

export function problem(status: number, error: string, field?: string, extra: Record<string, unknown> = {}): HttpResponseInit {
  return json(status, { error, ...(field ? { field } : {}), ...extra });
}
