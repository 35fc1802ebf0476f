// Starts the Azurite Blob emulator from node_modules on a free loopback port, in memory,
// for one test file; stop() kills that process (and only it).
import { spawn } from 'node:child_process';
import { realpathSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Azurite's documented, public development account (not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  port: number;
  connectionString: string;
  /** The Blob service endpoint: http(s)://127.0.0.1:<port>/devstoreaccount1. */
  blobServiceUri: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(port: number, key = DEV_KEY, protocol = 'http'): string {
  return `DefaultEndpointsProtocol=${protocol};AccountName=${DEV_ACCOUNT};AccountKey=${key};BlobEndpoint=${protocol}://127.0.0.1:${port}/${DEV_ACCOUNT};`;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export interface AzuriteOptions {
  /**
   * HTTPS with the fake tenant's test certificate (trust its CA in the test), and bearer tokens
   * checked as Azurite's "basic" OAuth does: issuer, audience and lifetime, not the signature.
   */
  httpsWithOAuth?: boolean;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const port = await freePort();
  const script = realpathSync(path.resolve('node_modules/.bin/azurite-blob'));
  const args = ['--inMemoryPersistence', '--silent', '--skipApiVersionCheck', '--disableTelemetry', '--blobHost', '127.0.0.1', '--blobPort', String(port)];
  if (options.httpsWithOAuth) {
    const certs = path.resolve('test/fakeTenant/certs');
    args.push('--cert', path.join(certs, 'server.crt'), '--key', path.join(certs, 'server.key'), '--oauth', 'basic');
  }
  const protocol = options.httpsWithOAuth ? 'https' : 'http';
  const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let dead = false;
  void exited.then(() => (dead = true));

  const deadline = Date.now() + 20_000;
  while (!(await canConnect(port))) {
    if (dead) throw new Error(`Azurite exited before listening: ${stderr}`);
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`Azurite did not listen on port ${port} within 20 s: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    connectionString: azuriteConnectionString(port, DEV_KEY, protocol),
    blobServiceUri: `${protocol}://127.0.0.1:${port}/${DEV_ACCOUNT}`,
    async stop() {
      if (!dead) child.kill('SIGTERM');
      await exited;
    },
  };
}
