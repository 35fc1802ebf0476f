// App settings a deployment must set besides the SETTINGS without a default: the code reads them,
// the defaults cannot guess them. infra/ sets each (test/infra/infraMatchesCode.test.ts checks it).

export interface DeploymentSetting {
  name: string;
  why: string;
}

export const DEPLOYMENT_SETTINGS: readonly DeploymentSetting[] = [
  { name: 'MAIL_SENDER', why: 'required with MAIL_TRANSPORT=graph, the default' },
  { name: 'IT_SUMMARY_TO', why: 'required with MAIL_TRANSPORT=graph, the default' },
  { name: 'AZURE_CLIENT_ID', why: 'the user-assigned managed identity the app signs in with' },
  // Identity-based AzureWebJobsStorage (shared keys are off): the host's timer, queue trigger and
  // output, and the app's ledger, lease and snapshots.
  { name: 'AzureWebJobsStorage__accountName', why: 'the storage account, reached with the identity' },
  { name: 'AzureWebJobsStorage__blobServiceUri', why: 'ledger, lease, snapshots, host leases' },
  { name: 'AzureWebJobsStorage__queueServiceUri', why: 'the report-runs queue behind POST /api/report/runs' },
  { name: 'AzureWebJobsStorage__credential', why: 'managedidentity: no connection string, no key' },
  { name: 'AzureWebJobsStorage__clientId', why: 'which identity, when it is user-assigned' },
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', why: 'logs and invocations in Application Insights' },
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', why: 'Application Insights with local auth off: the identity signs in' },
];

/** Settings a Flex Consumption app must not carry: the platform rejects or ignores them. */
export const FORBIDDEN_ON_FLEX: readonly string[] = [
  'FUNCTIONS_WORKER_RUNTIME', // functionAppConfig.runtime says it
  'FUNCTIONS_EXTENSION_VERSION',
  'WEBSITE_NODE_DEFAULT_VERSION',
  'AzureWebJobsStorage', // a connection string: shared keys are off
];
