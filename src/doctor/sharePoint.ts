// SharePoint, with the app's own token: the site, both lists by title, every configured column by
// internal name with a type the run reads (near-miss names when not), then the rows (sharePointRows.ts).
import type { ListField } from '../adapters/sharepoint/readSiteSchema.js';
import { describeError, HttpError } from '../errors.js';
import { expectedLists, type ColumnSpec, type ListSpec } from '../setup/listSchema.js';
import { looseColumnName, planList } from '../setup/planList.js';
import { manualSiteGrantSteps } from '../setup/siteGrant.js';
import { APP_DISPLAY_NAME } from '../setup/runPostprovision.js';
import type { DoctorContext } from './doctorContext.js';
import { decodeJwtPayload, tokenFor } from './identity.js';
import { result, type CheckResult } from './runDoctor.js';
import { rowChecks } from './sharePointRows.js';

const CERTIFICATE =
  'use a certificate (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH) or the managed identity: SharePoint refuses app-only tokens obtained with a client secret';
const SITE_URL = "SHAREPOINT_SITE_URL: the site's address as the browser shows it on its home page, e.g. https://contoso.sharepoint.com/sites/it";

export async function sharePointChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  let token: string;
  try {
    token = await tokenFor(ctx, 'SharePoint Online');
  } catch {
    return [result('sharepoint', 'skip', 'SharePoint', 'no token for SharePoint (see the identity check)')];
  }
  const site = ctx.config.sharePointSiteUrl;
  try {
    const web = await ctx.site.readWeb();
    const out = [result('sharepoint.site', 'ok', 'SharePoint site', `"${web.title}" at ${site}, read with the app's own token`)];
    for (const spec of expectedLists(ctx.config)) out.push(...(await listChecks(ctx, spec)));
    return out;
  } catch (error) {
    return [result('sharepoint.site', 'fail', 'SharePoint site', describeError(error), siteFix(ctx, error, token))];
  }
}

function siteFix(ctx: DoctorContext, error: unknown, token: string): string {
  if (!(error instanceof HttpError))
    return /not found/.test(describeError(error)) ? SITE_URL : 'check SHAREPOINT_SITE_URL and that this machine reaches SharePoint';
  if (error.status === 401 && /client secret/.test(error.detail)) return CERTIFICATE;
  // The app's client id is its token's appid (a managed identity's too).
  const appid = decodeJwtPayload(token)?.['appid'];
  const clientId = typeof appid === 'string' ? appid : (ctx.config.azureClientId ?? '<client id>');
  const target = { graphBaseUrl: ctx.config.graphBaseUrl, siteUrl: ctx.config.sharePointSiteUrl, clientId, displayName: APP_DISPLAY_NAME };
  return ['Sites.Selected alone opens no site: grant the app read on this one (azd: npm run postprovision does it).', ...manualSiteGrantSteps(target)].join(
    ' ',
  );
}

async function listChecks(ctx: DoctorContext, spec: ListSpec): Promise<CheckResult[]> {
  const id = `sharepoint.list.${spec.title}`;
  const title = `List "${spec.title}"`;
  let fields: ListField[] | undefined;
  try {
    fields = await ctx.site.readListFields(spec.title);
  } catch (error) {
    return [result(id, 'fail', title, describeError(error))];
  }
  if (!fields) {
    return [
      result(
        id,
        'fail',
        title,
        `not found on ${ctx.config.sharePointSiteUrl}`,
        `npm run setup -- lists creates it (with your own sign-in), or set ${spec.titleSetting} to the list's title`,
      ),
    ];
  }
  const plan = planList(spec, fields);
  const columns = plan.present.map(({ column, actual }) => `${column.internalName} (${actual})`).join(', ');
  const out = [result(id, 'ok', title, `found; columns ${columns || 'none of ours'}`)];
  const problem = (column: ColumnSpec, detail: string, fix: string) =>
    out.push(result(`sharepoint.column.${spec.title}.${column.internalName}`, 'fail', `Column ${column.internalName} of "${spec.title}"`, detail, fix));
  for (const { column, actual } of plan.wrongType) {
    const reads = [column.type, ...(column.alsoReads ?? [])].join(' or ');
    problem(
      column,
      `is a ${actual} column; the run reads ${reads}`,
      `point ${column.setting} to a ${column.type} column, or recreate the column as ${column.type} (List settings > the column)`,
    );
  }
  const missing = [...plan.nearMiss.map(({ column }) => column), ...plan.add];
  for (const column of spec.columns.filter((c) => missing.includes(c))) {
    const near = nearMisses(column.internalName, fields);
    if (near.length > 0) {
      const names = near.map((f) => `"${f.Title}" (internal name ${f.InternalName}, ${f.TypeAsString})`).join(', ');
      problem(
        column,
        `no column with internal name ${column.internalName}; close: ${names}`,
        `${column.setting}=${near[0]?.InternalName} (internal names cannot be renamed; the setting can)`,
      );
    } else {
      problem(
        column,
        `no column with internal name ${column.internalName}`,
        `npm run setup -- lists adds it, or set ${column.setting} to your column's internal name (List settings > the column: the address ends with Field=<internal name>)`,
      );
    }
  }
  if (plan.wrongType.length === 0 && missing.length === 0) out.push(...(await rowChecks(ctx, spec)));
  return out;
}

/** Visible columns whose internal name or title differ from `wanted` only by case, accents, spaces, _ or -. */
function nearMisses(wanted: string, fields: readonly ListField[]): ListField[] {
  const loose = looseColumnName(wanted);
  return fields.filter((f) => !f.Hidden && (looseColumnName(f.InternalName) === loose || looseColumnName(f.Title) === loose));
}
