// Which identity reaches identity-based Blob Storage: the one the host itself uses for
// AzureWebJobsStorage, not necessarily the one Graph and SharePoint tokens come from.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/parseConfig.js';
import { storageTokenConfig } from '../src/adapters/store/createStoreFor.js';

const base = { SHAREPOINT_SITE_URL: 'https://contoso.sharepoint.com/sites/it', MAIL_TRANSPORT: 'outbox' };
const STORAGE_ID = '0f9e8d7c-6b5a-4c3d-8e2f-1a0b9c8d7e6f';
const APP_ID = '11111111-2222-4333-8444-555555555555';

describe('storageTokenConfig', () => {
  it('uses the run’s own tokens when storage takes a connection string, a static token, or the same identity', () => {
    expect(storageTokenConfig(parseConfig({ ...base, AzureWebJobsStorage: 'UseDevelopmentStorage=true' }))).toBeUndefined();
    expect(storageTokenConfig(parseConfig({ ...base, AzureWebJobsStorage__accountName: 'stlic', STATIC_ACCESS_TOKEN: 'fake' }))).toBeUndefined();
    const same = { ...base, AzureWebJobsStorage__accountName: 'stlic', AzureWebJobsStorage__clientId: APP_ID, AZURE_CLIENT_ID: APP_ID };
    expect(storageTokenConfig(parseConfig(same))).toBeUndefined();
  });

  it('asks the user-assigned identity AzureWebJobsStorage__clientId names when it differs from AZURE_CLIENT_ID', () => {
    const config = parseConfig({ ...base, AzureWebJobsStorage__accountName: 'stlic', AzureWebJobsStorage__clientId: STORAGE_ID, AZURE_CLIENT_ID: APP_ID });
    expect(storageTokenConfig(config)).toEqual({ azureClientId: STORAGE_ID });
  });

  it('uses the managed identity for storage even when the app signs in to Graph with a certificate', () => {
    const config = parseConfig({
      ...base,
      AzureWebJobsStorage__accountName: 'stlic',
      AZURE_TENANT_ID: '22222222-3333-4444-8555-666666666666',
      AZURE_CLIENT_ID: APP_ID,
      AZURE_CLIENT_CERTIFICATE_PATH: '/secrets/app.pem',
    });
    expect(storageTokenConfig(config)).toEqual({});
  });
});
