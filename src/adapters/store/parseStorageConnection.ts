// Where the Blob service is and how to sign for it, from a storage connection string
// (learn.microsoft.com/azure/storage/common/storage-configure-connection-string) or from the
// identity-based settings the Functions host documents (AzureWebJobsStorage__blobServiceUri...).

/** Gets a Microsoft Entra bearer token for a scope; injected, so this adapter needs no identity library. */
export type StorageTokenFunction = (scope: string) => Promise<string>;

/** The scope of a token for Azure Storage (learn.microsoft.com/azure/storage/blobs/authorize-access-azure-active-directory). */
export const STORAGE_SCOPE = 'https://storage.azure.com/.default';

export type BlobCredential = { kind: 'sharedKey'; accountName: string; accountKey: Buffer } | { kind: 'token'; getToken: StorageTokenFunction };

export interface BlobConnection {
  /** The Blob service endpoint without a trailing slash: https://acct.blob.core.windows.net, or Azurite's http://127.0.0.1:10000/devstoreaccount1. */
  serviceUrl: string;
  credential: BlobCredential;
}

/** Azurite's (and the old storage emulator's) documented, public development account: not a secret. */
const DEVELOPMENT_ACCOUNT = 'devstoreaccount1';
const DEVELOPMENT_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

const invalid = (why: string) => new Error(`Blob storage: the storage connection string (AzureWebJobsStorage) is not valid${why}`);

function httpUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href.replace(/\/+$/, '') : undefined;
  } catch {
    return undefined;
  }
}

/** Parses a connection string; the error never repeats it (it holds the account key). */
export function parseConnectionString(connectionString: string): BlobConnection {
  const parts = new Map<string, string>();
  for (const part of connectionString.split(';')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw invalid('');
    parts.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  if (parts.get('usedevelopmentstorage')?.toLowerCase() === 'true') {
    const proxy = parts.get('developmentstorageproxyuri');
    const base = proxy ? httpUrl(proxy) : 'http://127.0.0.1:10000';
    if (!base) throw invalid('');
    return {
      serviceUrl: `${base}/${DEVELOPMENT_ACCOUNT}`,
      credential: { kind: 'sharedKey', accountName: DEVELOPMENT_ACCOUNT, accountKey: Buffer.from(DEVELOPMENT_KEY, 'base64') },
    };
  }
  if (parts.has('sharedaccesssignature')) {
    throw invalid(': a SAS connection string is not supported; use the account key, or an identity-based connection (AzureWebJobsStorage__accountName)');
  }
  const accountName = parts.get('accountname') ?? '';
  const accountKey = parts.get('accountkey') ?? '';
  if (!/^[a-z0-9]{3,24}$/.test(accountName) || !/^[A-Za-z0-9+/]+={0,2}$/.test(accountKey)) throw invalid('');
  const explicit = parts.get('blobendpoint');
  const protocol = parts.get('defaultendpointsprotocol') ?? 'https';
  const suffix = parts.get('endpointsuffix') ?? 'core.windows.net';
  const serviceUrl = explicit ? httpUrl(explicit) : httpUrl(`${protocol}://${accountName}.blob.${suffix}`);
  if (!serviceUrl) throw invalid('');
  return { serviceUrl, credential: { kind: 'sharedKey', accountName, accountKey: Buffer.from(accountKey, 'base64') } };
}
