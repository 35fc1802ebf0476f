import type { Config } from './Config.js';

type Env = Record<string, string | undefined>;
export type StorageSettings = Pick<Config, 'storageConnectionString' | 'storageBlobServiceUri' | 'storageClientId'>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the ledger, lease and snapshots live: a connection string (AzureWebJobsStorage), or an
 * identity-based connection as the Functions host reads it (learn.microsoft.com/azure/azure-functions/
 * functions-reference#connecting-to-host-storage-with-an-identity): AzureWebJobsStorage__blobServiceUri
 * or __accountName, optionally __credential=managedidentity and __clientId for a user-assigned identity.
 * Neither: the local STATE_DIR. Problems are pushed to `problems`, by setting name.
 */
export function parseStorageSettings(env: Env, problems: string[]): StorageSettings {
  const value = (name: string) => env[name]?.trim() || undefined;
  const connectionString = value('AzureWebJobsStorage');
  if (connectionString) return { storageConnectionString: connectionString };

  const serviceUri = value('AzureWebJobsStorage__blobServiceUri');
  const accountName = value('AzureWebJobsStorage__accountName');
  const credential = value('AzureWebJobsStorage__credential');
  const clientId = value('AzureWebJobsStorage__clientId');
  if (!serviceUri && !accountName) {
    if (credential || clientId)
      problems.push('AzureWebJobsStorage__credential and __clientId need AzureWebJobsStorage__accountName or AzureWebJobsStorage__blobServiceUri');
    return {};
  }
  let blobServiceUri = '';
  if (serviceUri) {
    try {
      const url = new URL(serviceUri);
      if (url.protocol !== 'https:' || url.search || url.hash) throw new Error('not https');
      blobServiceUri = url.href.replace(/\/+$/, '');
    } catch {
      problems.push(
        `AzureWebJobsStorage__blobServiceUri must be the https URL of the Blob service (https://<account>.blob.core.windows.net), got "${serviceUri}"`,
      );
    }
  } else if (accountName && /^[a-z0-9]{3,24}$/.test(accountName)) {
    blobServiceUri = `https://${accountName}.blob.core.windows.net`;
  } else {
    problems.push(`AzureWebJobsStorage__accountName must be a storage account name (3 to 24 lower-case letters and digits), got "${accountName}"`);
  }
  if (credential && credential.toLowerCase() !== 'managedidentity') {
    problems.push(`AzureWebJobsStorage__credential must be "managedidentity" when set, got "${credential}"`);
  }
  if (clientId && !GUID.test(clientId))
    problems.push(`AzureWebJobsStorage__clientId must be the client id (a GUID) of a user-assigned identity, got "${clientId}"`);
  return { storageBlobServiceUri: blobServiceUri, ...(clientId ? { storageClientId: clientId } : {}) };
}
