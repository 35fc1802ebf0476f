// m365-license-report on Azure Functions Flex Consumption, laid out like the Azure Developer CLI
// template for TypeScript functions (Azure-Samples/functions-quickstart-typescript-azd): a
// user-assigned managed identity reaches storage (shared keys off) and Application Insights through
// RBAC; this adds the run queue, the app's settings and its Microsoft Graph / SharePoint app roles.
// What Bicep cannot do (the SharePoint site grant, Exchange RBAC) is the postprovision hook's job.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; it seeds a short unique suffix for every resource name.')
param environmentName string

@minLength(1)
@description('Region of every resource; pick one where Flex Consumption is offered.')
@metadata({ azd: { type: 'location' } })
param location string

// Settings the app cannot run without (src/config/settings.ts SETTINGS, checked by test/infra).
@minLength(1)
@description('SHAREPOINT_SITE_URL: absolute https URL of the SharePoint site holding the Sites and LicensePrices lists.')
param sharePointSiteUrl string

@minLength(3)
@description('MAIL_SENDER: the mailbox the reports are sent from (Exchange RBAC scopes the app to it).')
param mailSender string

@minLength(3)
@description('IT_SUMMARY_TO: comma-separated addresses of central IT, who get the run summary.')
param itSummaryTo string

@description('ORG_NAME: organisation name in the mail header (empty: the app\'s default).')
param orgName string = ''

@description('Any other app setting from src/config/settings.ts, e.g. { "REPORT_LOCALE": "en-US" }.')
param extraAppSettings object = {}

@description('Also grant the optional Graph roles (AuditLog.Read.All for inactivity, Organization.Read.All for subscriptions).')
param grantOptionalRoles bool = true

param resourceGroupName string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-licreport-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 12)}'
// The queue the HTTP "run now" writes to and runQueuedReport reads (src/triggers/services.ts RUN_QUEUE).
var runQueueName = 'report-runs'

resource rg 'Microsoft.Resources/resourceGroups@2021-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'br/public:avm/res/managed-identity/user-assigned-identity:0.4.1' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-licreport-${resourceToken}'
    location: location
    tags: tags
  }
}

module plan 'br/public:avm/res/web/serverfarm:0.1.1' = {
  name: 'plan'
  scope: rg
  params: {
    name: 'plan-${resourceToken}'
    sku: { name: 'FC1', tier: 'FlexConsumption' }
    reserved: true
    location: location
    tags: tags
  }
}

module storage 'br/public:avm/res/storage/storage-account:0.8.3' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'st${resourceToken}'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false // identity-based access only (AzureWebJobsStorage__credential)
    dnsEndpointType: 'Standard'
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
    blobServices: { containers: [{ name: deploymentContainerName }] }
    queueServices: { queues: [{ name: runQueueName }] }
    minimumTlsVersion: 'TLS1_2'
    location: location
    tags: tags
  }
}

module logAnalytics 'br/public:avm/res/operational-insights/workspace:0.11.1' = {
  name: 'logAnalytics'
  scope: rg
  params: {
    name: 'log-${resourceToken}'
    location: location
    tags: tags
    dataRetention: 30
  }
}

module monitoring 'br/public:avm/res/insights/component:0.6.0' = {
  name: 'monitoring'
  scope: rg
  params: {
    name: 'appi-${resourceToken}'
    location: location
    tags: tags
    workspaceResourceId: logAnalytics.outputs.resourceId
    disableLocalAuth: true
  }
}

module api './app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: functionAppName
    location: location
    tags: tags
    applicationInsightsName: monitoring.outputs.name
    appServicePlanId: plan.outputs.resourceId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    appSettings: union(extraAppSettings, {
      SHAREPOINT_SITE_URL: sharePointSiteUrl
      MAIL_SENDER: mailSender
      IT_SUMMARY_TO: itSummaryTo
      ORG_NAME: orgName
      // The user-assigned identity the app signs in with (Graph, SharePoint, storage).
      AZURE_CLIENT_ID: identity.outputs.clientId
    })
  }
}

module rbac './app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    appInsightsName: monitoring.outputs.name
    managedIdentityPrincipalId: identity.outputs.principalId
  }
}

module graphRoles './app/graph.bicep' = {
  name: 'graphRoles'
  scope: rg
  params: {
    principalId: identity.outputs.principalId
    grantOptionalRoles: grantOptionalRoles
  }
}

// azd stores these in the environment; the postprovision hook reads them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_FUNCTION_NAME string = api.outputs.name
output AZURE_RESOURCE_GROUP string = rg.name
output SERVICE_API_NAME string = api.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output MANAGED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output MANAGED_IDENTITY_NAME string = identity.outputs.name
output SHAREPOINT_SITE_URL string = sharePointSiteUrl
output MAIL_SENDER string = mailSender
