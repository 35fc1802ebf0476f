import { redactSecrets } from '../../errors.js';
import { STORAGE_SCOPE, type BlobConnection } from './parseStorageConnection.js';
import { sharedKeyAuthorization } from './signSharedKey.js';

/** A version every Blob operation we use has, with bearer tokens (2017-11-09+) and List Blobs' Encoded names. */
const API_VERSION = '2023-11-03';
/** Answers Azure Storage documents as transient (learn.microsoft.com/azure/storage/blobs/storage-retry-policy). */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Connection failures that no retry mends: a wrong endpoint, nothing listening, a bad certificate. */
const PERMANENT_CODES = /ECONNREFUSED|ENOTFOUND|CERT|SELF_SIGNED|UNABLE_TO_VERIFY|bad port/;

export interface BlobRequestOptions {
  /** Attempts per request, transient failures included; default 3 (1 = no retry). */
  maxTries?: number;
  /** Time for one attempt; default 20 s. */
  timeoutMs?: number;
  /** Wait before the 2nd attempt, 4x more before each next one; default 250 ms. */
  retryDelayMs?: number;
  fetch?: typeof fetch;
}

export interface BlobRequest {
  method: 'GET' | 'HEAD' | 'PUT' | 'DELETE';
  /** "container" or "container/blob/name", not encoded. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Buffer;
}

export interface BlobResponse {
  status: number;
  headers: Headers;
  body: Buffer;
  /** x-ms-error-code, or the <Code> of an XML error body. */
  errorCode?: string;
}

/** A request that never got an answer (network, timeout): carries the cause's code, never a key. */
export class BlobConnectionError extends Error {
  override readonly name = 'BlobConnectionError';
}

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

function failureOf(error: unknown, timeoutMs: number): string {
  const { name, message, cause } = (error ?? {}) as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  return [cause?.code, cause?.message ?? message].filter(Boolean).join(' ') || String(error);
}

/** Sends Blob REST requests: signed (Shared Key) or with a bearer token, each attempt timed out, transient failures retried. */
export function createBlobRequest(connection: BlobConnection, options: BlobRequestOptions = {}) {
  const { maxTries = 3, timeoutMs = 20_000, retryDelayMs = 250 } = options;
  const send = options.fetch ?? ((input, init) => fetch(input, init));

  async function attempt(request: BlobRequest): Promise<BlobResponse> {
    const url = new URL(`${connection.serviceUrl}/${encodePath(request.path)}`);
    for (const [name, value] of Object.entries(request.query ?? {})) url.searchParams.set(name, value);
    const headers = new Headers(request.headers);
    headers.set('x-ms-date', new Date().toUTCString());
    headers.set('x-ms-version', API_VERSION);
    if (request.body || request.method === 'PUT') headers.set('content-length', String(request.body?.byteLength ?? 0));
    const { credential } = connection;
    headers.set(
      'authorization',
      credential.kind === 'sharedKey'
        ? sharedKeyAuthorization(request.method, url, headers, credential.accountName, credential.accountKey)
        : `Bearer ${await credential.getToken(STORAGE_SCOPE)}`,
    );
    const response = await send(url, {
      method: request.method,
      headers,
      ...(request.body ? { body: new Uint8Array(request.body) } : {}),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = Buffer.from(await response.arrayBuffer());
    const errorCode = response.headers.get('x-ms-error-code') ?? /<Code>([^<]+)<\/Code>/.exec(body.toString('utf8'))?.[1];
    return { status: response.status, headers: response.headers, body, ...(errorCode && response.status >= 400 ? { errorCode } : {}) };
  }

  return async function blobRequest(request: BlobRequest): Promise<BlobResponse> {
    for (let tries = 1; ; tries++) {
      try {
        const response = await attempt(request);
        if (!TRANSIENT_STATUS.has(response.status) || tries >= maxTries) return response;
      } catch (error) {
        const failure = redactSecrets(failureOf(error, timeoutMs));
        if (tries >= maxTries || PERMANENT_CODES.test(failure)) throw new BlobConnectionError(failure);
      }
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 4 ** (tries - 1)));
    }
  };
}

export type BlobRequester = ReturnType<typeof createBlobRequest>;
