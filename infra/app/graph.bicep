// Application permissions (app roles) of the app's managed identity, through the Microsoft Graph
// Bicep extension. The list is app-roles.json, written from src/config/permissions.ts APP_ROLES
// (test/infra/infraMatchesCode.test.ts fails when the two differ). The deploying account needs
// AppRoleAssignment.ReadWrite.All + Application.Read.All (e.g. Privileged Role Administrator).
extension microsoftGraphV1

@description('Object id of the managed identity\'s service principal (its principalId).')
param principalId string

@description('false: grant only the roles the run cannot do without.')
param grantOptionalRoles bool = true

var graphAppId = '00000003-0000-0000-c000-000000000000'
var sharePointAppId = '00000003-0000-0ff1-ce00-000000000000'
var appRoles = filter(loadJsonContent('app-roles.json').appRoles, role => role.required || grantOptionalRoles)

resource graph 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: graphAppId
}

resource sharePoint 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: sharePointAppId
}

resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [
  for role in appRoles: {
    principalId: principalId
    resourceId: role.resourceAppId == sharePointAppId ? sharePoint.id : graph.id
    appRoleId: role.appRoleId
  }
]
