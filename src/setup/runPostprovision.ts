// azd's postprovision hook: after infra/ (which grants the app roles), what Bicep cannot do: the
// SharePoint site grant and Exchange RBAC for Applications (printed: no Graph v1.0 API). The doctor
// runs after the code is deployed (postdeploy hook), on the app, with the app's own identity.
// It never fails the deployment over a step it could not do: it prints that step instead.
import { APP_ROLES } from '../config/permissions.js';
import type { Env } from '../config/parseConfig.js';
import { SETTINGS } from '../config/settings.js';
import { describeError } from '../errors.js';
import { adminTokens, type AdminTokens } from './adminToken.js';
import { exchangeRbacScript } from './exchangeRbacScript.js';
import { grantSiteAccess, type SiteGrantOutcome } from './grantSiteAccess.js';
import { manualSiteGrantSteps, type SiteGrantTarget } from './siteGrant.js';

export const APP_DISPLAY_NAME = 'm365-license-report';

export interface PostprovisionIo {
  env: Env;
  print: (line: string) => void;
  fetch?: typeof fetch;
  tokens?: AdminTokens;
}

/** azd sets these from infra/main.bicep's outputs and `azd env set`. */
const NEEDED = ['MANAGED_IDENTITY_CLIENT_ID', 'MANAGED_IDENTITY_PRINCIPAL_ID', 'SHAREPOINT_SITE_URL', 'MAIL_SENDER'] as const;

function siteGrantLines(outcome: SiteGrantOutcome, target: SiteGrantTarget): string[] {
  if (outcome.status === 'granted') return [`2. SharePoint: read granted to ${target.displayName} on ${target.siteUrl}`];
  if (outcome.status === 'exists')
    return [`2. SharePoint: ${target.displayName} already has ${outcome.roles.join(', ') || 'a grant'} on ${target.siteUrl}: unchanged`];
  return [
    `2. SharePoint: the read grant on ${target.siteUrl} could not be made with your sign-in (${outcome.reason}).`,
    ...manualSiteGrantSteps(target).map((l) => `   ${l}`),
  ];
}

/** Exit code 1 only when azd did not provide what the hook needs. */
export async function runPostprovision(io: PostprovisionIo): Promise<number> {
  const env = (name: string): string => io.env[name]?.trim() ?? '';
  const missing = NEEDED.filter((name) => !env(name));
  if (missing.length > 0) {
    io.print(`✗ ${missing.join(', ')} not set: run this hook through azd (azd provision), which sets them from infra/ and azd env`);
    return 1;
  }
  const clientId = env('MANAGED_IDENTITY_CLIENT_ID');
  const objectId = env('MANAGED_IDENTITY_PRINCIPAL_ID');
  const graphBaseUrl = (env('GRAPH_BASE_URL') || (SETTINGS.find((s) => s.name === 'GRAPH_BASE_URL')?.default ?? '')).replace(/\/+$/, '');
  const target: SiteGrantTarget = { graphBaseUrl, siteUrl: env('SHAREPOINT_SITE_URL'), clientId, displayName: APP_DISPLAY_NAME };
  const tokens = io.tokens ?? adminTokens(io.env);

  io.print(
    `Postprovision: ${env('AZURE_FUNCTION_NAME') || 'the function app'}, managed identity ${clientId} (object id ${objectId}), signed in with ${tokens.describe}`,
  );
  io.print(`1. App roles granted by infra/: ${APP_ROLES.map((r) => `${r.role}${r.required ? '' : ' (optional)'} on ${r.api}`).join(', ')}`);

  let outcome: SiteGrantOutcome;
  try {
    outcome = await grantSiteAccess(target, await tokens.forResource(new URL(graphBaseUrl).origin), io.fetch);
  } catch (error) {
    outcome = { status: 'refused', reason: describeError(error) };
  }
  for (const line of siteGrantLines(outcome, target)) io.print(line);

  io.print(
    `3. Exchange: mail as ${env('MAIL_SENDER')} only. Graph cannot assign Exchange RBAC roles; run this in Exchange Online PowerShell as an Exchange administrator (a command already run is refused harmlessly):`,
  );
  for (const line of exchangeRbacScript({ appId: clientId, objectId, displayName: APP_DISPLAY_NAME, mailbox: env('MAIL_SENDER') })) io.print(`   ${line}`);

  io.print("4. Doctor: after the code is deployed, the postdeploy hook runs it on the app (GET /api/report/doctor), with the app's own identity.");
  return 0;
}
