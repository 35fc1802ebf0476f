// HTTPS loopback server around a fake tenant, for the demo and the benchmark
// (real sockets, TLS, keep-alive). Certificates are committed test-only ones.
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { NetworkResetError } from './faults.js';
import type { FakeTenant } from './types.js';

export interface FakeTenantServer {
  origin: string;
  graphBaseUrl: string;
  sharePointSiteUrl: string;
  productNamesUrl: string;
  caCertPath: string;
  close(): Promise<void>;
}

/** certs/ next to this module, or the source folder when running compiled code from dist/ (tsc copies no .crt). */
function certsDir(): string {
  const candidates = [new URL('./certs/', import.meta.url), new URL('../../../test/fakeTenant/certs/', import.meta.url)];
  for (const dir of candidates) if (existsSync(new URL('ca.crt', dir))) return fileURLToPath(dir);
  throw new Error('fake tenant certificates not found (test/fakeTenant/certs)');
}

function toRequest(req: IncomingMessage, origin: string, body: Buffer, signal: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD' && body.length > 0;
  return new Request(`${origin}${req.url ?? '/'}`, { method, headers, signal, ...(hasBody ? { body: new Uint8Array(body) } : {}) });
}

async function answer(tenant: FakeTenant, origin: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  // Aborts the tenant's work (a 'hang' fault, latency) when the client goes away.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  let response: Response;
  try {
    response = await tenant.handle(toRequest(req, origin, Buffer.concat(chunks), controller.signal));
  } catch (error) {
    if (error instanceof NetworkResetError) req.socket.destroy();
    else if (!controller.signal.aborted && !res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' }).end(String(error));
    return;
  }
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => (headers[key] = value));
  const payload = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204 && response.status !== 304) headers['content-length'] = String(payload.length);
  res.writeHead(response.status, headers);
  res.end(payload);
}

export async function startFakeTenantServer(tenant: FakeTenant, options: { port?: number } = {}): Promise<FakeTenantServer> {
  const dir = certsDir();
  const sockets = new Set<Socket>();
  let origin = '';
  const server: Server = createServer(
    { key: readFileSync(`${dir}server.key`), cert: readFileSync(`${dir}server.crt`) },
    (req, res) => void answer(tenant, origin, req, res),
  );
  server.keepAliveTimeout = 30_000;
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake tenant server has no TCP address');
  origin = `https://localhost:${address.port}`;
  const sitePath = tenant.data.sharePoint.sitePath.replace(/\/+$/, '');
  return {
    origin,
    graphBaseUrl: `${origin}/v1.0`,
    sharePointSiteUrl: `${origin}${sitePath}`,
    productNamesUrl: `${origin}/msdownload/product-names.csv`,
    caCertPath: `${dir}ca.crt`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Hung requests would keep close() waiting forever: drop every socket now.
        for (const socket of sockets) socket.destroy();
      }),
  };
}
