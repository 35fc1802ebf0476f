// The Blob REST adapter's own rules, without a server: Shared Key's string to sign, connection
// strings, List Blobs answers, retries and timeouts. Azurite checks the rest (signatures included).
import { describe, expect, it } from 'vitest';
import { createBlobTextStore } from '../../../src/adapters/store/createBlobTextStore.js';
import { createTextStore } from '../../../src/adapters/store/createTextStore.js';
import { parseBlobList } from '../../../src/adapters/store/parseBlobList.js';
import { parseConnectionString } from '../../../src/adapters/store/parseStorageConnection.js';
import { stringToSign } from '../../../src/adapters/store/signSharedKey.js';

const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const KEY = Buffer.from('not-a-real-key').toString('base64');

describe('Shared Key string to sign (learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key)', () => {
  it('lists the standard headers in order, an empty Content-Length for 0, then x-ms- headers and the resource', () => {
    const url = new URL('https://myaccount.blob.core.windows.net/mycontainer/a%20b%C3%A9.json?restype=x&comp=lease&Include=b&include=a');
    const headers = new Headers({
      'x-ms-version': '2023-11-03',
      'x-ms-date': 'Tue, 01 Dec 2026 06:00:00 GMT',
      'X-MS-Lease-Action': '  acquire ',
      'x-ms-meta-Multi': 'a \t  b',
      'content-length': '0',
      'content-type': 'text/plain',
      'if-none-match': '*',
      'accept-encoding': 'gzip', // not signed
    });
    expect(stringToSign('put', url, headers, 'myaccount')).toBe(
      'PUT\n' +
        '\n\n' +
        '\n' +
        '\n' +
        'text/plain\n' +
        '\n' +
        '\n\n' +
        '*\n' +
        '\n\n' +
        'x-ms-date:Tue, 01 Dec 2026 06:00:00 GMT\nx-ms-lease-action:acquire\nx-ms-meta-multi:a b\nx-ms-version:2023-11-03\n' +
        '/myaccount/mycontainer/a%20b%C3%A9.json\ncomp:lease\ninclude:a,b\nrestype:x',
    );
  });

  it('keeps a non-zero Content-Length and decodes query values', () => {
    const url = new URL('http://127.0.0.1:10000/devstoreaccount1/c?comp=list&prefix=ledger%2F2026-11%2F&restype=container');
    const text = stringToSign('GET', url, new Headers({ 'content-length': '12', 'x-ms-version': 'v' }), 'devstoreaccount1');
    expect(text.split('\n')[3]).toBe('12');
    // The emulator's path already holds the account: it appears twice, as in Microsoft's emulator examples.
    expect(text.endsWith('/devstoreaccount1/devstoreaccount1/c\ncomp:list\nprefix:ledger/2026-11/\nrestype:container')).toBe(true);
  });
});

describe('parseConnectionString', () => {
  it("reads UseDevelopmentStorage=true as Azurite's well-known account on its default port", () => {
    const { serviceUrl, credential } = parseConnectionString('UseDevelopmentStorage=true');
    expect(serviceUrl).toBe('http://127.0.0.1:10000/devstoreaccount1');
    expect(credential).toEqual({ kind: 'sharedKey', accountName: 'devstoreaccount1', accountKey: Buffer.from(DEV_KEY, 'base64') });
  });

  it.each([
    [`DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${KEY};EndpointSuffix=core.windows.net`, 'https://contoso.blob.core.windows.net'],
    [`AccountName=contoso;AccountKey=${KEY}`, 'https://contoso.blob.core.windows.net'],
    [`DefaultEndpointsProtocol=https;AccountName=contoso;AccountKey=${KEY};EndpointSuffix=core.chinacloudapi.cn`, 'https://contoso.blob.core.chinacloudapi.cn'],
    [`AccountName=contoso;AccountKey=${KEY};BlobEndpoint=https://reports.example.org/`, 'https://reports.example.org'],
  ])('finds the Blob endpoint of %s', (connectionString, serviceUrl) => {
    expect(parseConnectionString(connectionString).serviceUrl).toBe(serviceUrl);
  });

  it.each([
    ['garbage', 'nonsense'],
    ['no key', 'AccountName=contoso'],
    ['a key that is not base64', 'AccountName=contoso;AccountKey=s3cr3t!'],
    ['a bad endpoint', `AccountName=contoso;AccountKey=${KEY};BlobEndpoint=ftp://x`],
  ])('refuses %s without repeating it', (_, connectionString) => {
    expect(() => parseConnectionString(connectionString)).toThrow(/^Blob storage: the storage connection string \(AzureWebJobsStorage\) is not valid$/);
  });

  it('says that a SAS connection string is not supported, without repeating it', () => {
    const sas = 'BlobEndpoint=https://contoso.blob.core.windows.net/;SharedAccessSignature=sv=2022-11-02&sig=abc%3D';
    expect(() => parseConnectionString(sas)).toThrow(/SAS connection string is not supported; use the account key, or an identity-based connection/);
    expect(() => parseConnectionString(sas)).not.toThrow(/sig=/);
  });
});

describe('parseBlobList', () => {
  // The shape of learn.microsoft.com/rest/api/storageservices/list-blobs "Response body", trimmed.
  const page = `<?xml version="1.0" encoding="utf-8"?>
<EnumerationResults ServiceEndpoint="https://myaccount.blob.core.windows.net/" ContainerName="m365-license-report">
  <Prefix>ledger/</Prefix>
  <MaxResults>2</MaxResults>
  <Blobs>
    <Blob>
      <Name>ledger/2026-11/A &amp; B &lt;C&gt;.json</Name>
      <Properties><Last-Modified>Tue, 01 Dec 2026 06:00:00 GMT</Last-Modified><Etag>0x8D</Etag><Content-Length>12</Content-Length></Properties>
      <Metadata><Name>not the blob name</Name></Metadata>
    </Blob>
    <Blob><Name Encoded="true">ledger/2026-11/%EF%BF%BF.json</Name><Properties /></Blob>
    <Blob>
      <Name>ledger/2026-11/&#233;t&#xE9;.json</Name>
    </Blob>
  </Blobs>
  <NextMarker>2!84!MDAwMDQ1</NextMarker>
</EnumerationResults>`;

  it('reads each blob name (entities and percent-encoded names decoded) and the next marker', () => {
    expect(parseBlobList(page)).toEqual({
      names: ['ledger/2026-11/A & B <C>.json', 'ledger/2026-11/\uffff.json', 'ledger/2026-11/été.json'],
      nextMarker: '2!84!MDAwMDQ1',
    });
  });

  it('reads an empty last page', () => {
    const last = '<?xml version="1.0" encoding="utf-8"?><EnumerationResults ContainerName="c"><Prefix>x/</Prefix><Blobs /><NextMarker /></EnumerationResults>';
    expect(parseBlobList(last)).toEqual({ names: [], nextMarker: undefined });
  });

  it('refuses an answer that is not a blob list', () => {
    expect(() => parseBlobList('<html>proxy error</html>')).toThrow(/not an EnumerationResults document/);
  });
});

/** A fake Blob service: answers each request with the next of `answers` (or `otherwise`), recording requests. */
function fakeService(answers: Array<() => Response | Promise<Response>>, otherwise?: (url: URL) => Response) {
  const requests: Array<{ method: string; url: URL }> = [];
  const fetchFake: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    requests.push({ method: init?.method ?? 'GET', url });
    const next = answers.shift();
    if (next) return next();
    if (otherwise) return otherwise(url);
    throw new Error('unexpected request');
  };
  return { requests, fetch: fetchFake };
}
const created = () => new Response(null, { status: 201 });
const busy = () => new Response('<?xml version="1.0"?><Error><Code>ServerBusy</Code></Error>', { status: 503, headers: { 'x-ms-error-code': 'ServerBusy' } });
const connection = `AccountName=contoso;AccountKey=${KEY}`;

describe('createBlobTextStore: retries and timeouts', () => {
  it('retries a transient 503 (ServerBusy), then succeeds', async () => {
    const service = fakeService([created, busy, busy, created]);
    await createBlobTextStore(connection, 'c-ok', { fetch: service.fetch, retryDelayMs: 0 }).put('a.json', '{}');
    expect(service.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['PUT /c-ok', 'PUT /c-ok/a.json', 'PUT /c-ok/a.json', 'PUT /c-ok/a.json']);
  });

  it('gives up after maxTries, naming the status and the storage error code', async () => {
    const service = fakeService([created, busy, busy]);
    const store = createBlobTextStore(connection, 'c-busy', { fetch: service.fetch, retryDelayMs: 0, maxTries: 2 });
    await expect(store.put('a.json', '{}')).rejects.toThrow(/^Blob storage: writing "a.json" failed: 503 ServerBusy$/);
    expect(service.requests).toHaveLength(3);
  });

  it('does not retry what a retry cannot mend (403)', async () => {
    const denied = () => new Response('', { status: 403, headers: { 'x-ms-error-code': 'AuthorizationPermissionMismatch' } });
    const service = fakeService([denied]);
    const store = createBlobTextStore(connection, 'c-denied', { fetch: service.fetch, retryDelayMs: 0 });
    await expect(store.get('a.json')).rejects.toThrow(/^Blob storage: creating container "c-denied" failed: 403 AuthorizationPermissionMismatch$/);
    expect(service.requests).toHaveLength(1);
  });

  it('retries a connection reset, and times out an attempt that never answers', async () => {
    const reset = () => Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET', message: 'read ECONNRESET' } }));
    const hang = (): Promise<Response> => new Promise(() => undefined);
    const service = fakeService([created, reset, created]);
    await createBlobTextStore(connection, 'c-reset', { fetch: service.fetch, retryDelayMs: 0 }).put('a.json', '{}');
    expect(service.requests).toHaveLength(3);

    const hanging: typeof fetch = (_input, init) =>
      Promise.race([hang(), new Promise<Response>((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))]);
    const store = createBlobTextStore(connection, 'c-hang', { fetch: hanging, retryDelayMs: 0, maxTries: 2, timeoutMs: 20 });
    await expect(store.get('a.json')).rejects.toThrow(/^Blob storage: creating container "c-hang" failed: no answer within 20 ms$/);
  });

  it('follows NextMarker until the last page of List Blobs', async () => {
    const list = (names: string[], next = '') =>
      `<?xml version="1.0" encoding="utf-8"?><EnumerationResults><Blobs>${names.map((n) => `<Blob><Name>${n}</Name></Blob>`).join('')}</Blobs><NextMarker>${next}</NextMarker></EnumerationResults>`;
    const service = fakeService(
      [created],
      (url) => new Response(url.searchParams.get('marker') === 'p2' ? list(['runs/b.json']) : list(['runs/c.json', 'runs/a.json'], 'p2'), { status: 200 }),
    );
    expect(await createBlobTextStore(connection, 'c-list', { fetch: service.fetch }).list('runs/')).toEqual(['runs/a.json', 'runs/b.json', 'runs/c.json']);
    expect(service.requests.slice(1).map((r) => r.url.searchParams.get('marker'))).toEqual([null, 'p2']);
  });
});

describe('createTextStore', () => {
  it('refuses an identity-based connection without a token function', () => {
    expect(() => createTextStore({ stateDir: '.data', storageBlobServiceUri: 'https://contoso.blob.core.windows.net' })).toThrow(
      /identity-based connection .* needs a token provider/,
    );
  });
});
