// infra/ cannot be compiled here (no Bicep CLI): these checks keep it in step with the code instead.
// A deployment that misses a setting the code requires, or grants other roles than the ones the app
// (and the doctor) expect, fails here and not on the 1st of the month at 06:00.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { APP_ROLES } from '../../src/config/permissions.js';
import { SETTINGS } from '../../src/config/settings.js';
import { DEPLOYMENT_SETTINGS, FORBIDDEN_ON_FLEX } from '../../src/setup/deploymentSettings.js';
import { RUN_QUEUE } from '../../src/triggers/services.js';
import { objectEntries, params } from './readBicep.js';

const read = (path: string): string => readFileSync(path, 'utf8');
const main = read('infra/main.bicep');
const api = read('infra/app/api.bicep');
const graph = read('infra/app/graph.bicep');
const parameters = JSON.parse(read('infra/main.parameters.json')) as { parameters: Record<string, { value: string }> };

const appSettings = objectEntries(main, 'appSettings: union(extraAppSettings, {');
const platformSettings = objectEntries(api, 'var platformSettings = {');
const deployed = new Map([...appSettings, ...platformSettings]);
const requiredByCode = SETTINGS.filter((s) => s.default === undefined && !s.optional).map((s) => s.name);

describe('app settings in infra/', () => {
  it.each([...requiredByCode, ...DEPLOYMENT_SETTINGS.map((s) => s.name)])('%s is set by the deployment', (name) => {
    expect([...deployed.keys()]).toContain(name);
  });

  it.each(requiredByCode.concat(['MAIL_SENDER', 'IT_SUMMARY_TO']))('%s comes from a required parameter that azd fills from the environment', (name) => {
    const paramName = appSettings.get(name) ?? '';
    expect(params(main).get(paramName), `${name}: ${paramName} is a param without default`).toEqual({ type: 'string', hasDefault: false });
    expect(parameters.parameters[paramName]?.value).toBe(`\${${name}}`);
  });

  it('sets no unknown name (a typo would leave the real setting unset)', () => {
    const known = new Set([...SETTINGS.map((s) => s.name), ...DEPLOYMENT_SETTINGS.map((s) => s.name)]);
    expect([...deployed.keys()].filter((name) => !known.has(name))).toEqual([]);
  });

  it('sets nothing Flex Consumption rejects, and no storage connection string (shared keys are off)', () => {
    expect([...deployed.keys()].filter((name) => FORBIDDEN_ON_FLEX.includes(name))).toEqual([]);
    expect(platformSettings.get('AzureWebJobsStorage__credential')).toBe("'managedidentity'");
    expect(main).toMatch(/allowSharedKeyAccess:\s*false/);
  });

  it('runs Node.js 22 on Flex Consumption with the user-assigned identity', () => {
    expect(api).toMatch(/runtime:\s*{\s*name:\s*'node'\s*version:\s*'22'\s*}/);
    expect(main).toMatch(/sku:\s*{\s*name:\s*'FC1',\s*tier:\s*'FlexConsumption'\s*}/);
    expect(appSettings.get('AZURE_CLIENT_ID')).toBe('identity.outputs.clientId');
    expect(platformSettings.get('AzureWebJobsStorage__clientId')).toBe('identityClientId');
  });

  it('creates the queue the HTTP run writes to', () => {
    expect(main).toContain(`var runQueueName = '${RUN_QUEUE}'`);
    expect(main).toMatch(/queueServices:\s*{\s*queues:\s*\[\s*{\s*name:\s*runQueueName\s*}\s*\]\s*}/);
  });
});

describe('app roles granted by infra/', () => {
  const granted = (JSON.parse(read('infra/app/app-roles.json')) as { appRoles: unknown[] }).appRoles;
  const expected = APP_ROLES.map(({ role, appRoleId, resourceAppId, required }) => ({ role, appRoleId, resourceAppId, required }));

  it('are exactly the app roles of src/config/permissions.ts', () => {
    expect(granted, `infra/app/app-roles.json should hold:\n${JSON.stringify(expected, null, 2)}`).toEqual(expected);
  });

  it('are assigned to the managed identity through the Microsoft Graph Bicep extension', () => {
    expect(graph).toMatch(/^extension microsoftGraphV1$/m);
    expect(graph).toContain("loadJsonContent('app-roles.json').appRoles");
    expect(graph).toContain("resource grants 'Microsoft.Graph/appRoleAssignedTo@v1.0'");
    expect(read('infra/bicepconfig.json')).toContain('br:mcr.microsoft.com/bicep/extensions/microsoftgraph/v1.0:');
    expect(objectEntries(main, "module graphRoles './app/graph.bicep'").get('params')).toBe('{');
    expect(main).toMatch(/principalId:\s*identity\.outputs\.principalId\s*grantOptionalRoles/);
  });

  it('resolve every resource API the roles belong to', () => {
    for (const appId of new Set(APP_ROLES.map((r) => r.resourceAppId))) {
      const variable = /var (\w+) = '([^']+)'/g;
      const names = [...graph.matchAll(variable)].filter((m) => m[2] === appId).map((m) => m[1]);
      expect(names, appId).toHaveLength(1);
      expect(graph).toMatch(new RegExp(`existing = {\\s*appId: ${names[0]}\\s*}`));
    }
  });
});
