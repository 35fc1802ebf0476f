// Microsoft Graph: one cheap read per permission, each as the run asks it: the tenant's SKUs, the
// first page of one site's staff group (licenses visible only with User.Read.All), the same site's
// correspondents, and the optional reads (sign-ins, company subscriptions).
import type { GraphClient } from '../adapters/graph/graphClient.js';
import { describeError, HttpError } from '../errors.js';
import type { RawRecord } from '../ports.js';
import type { Site } from '../types.js';
import { readSites, readSkus, type DoctorContext } from './doctorContext.js';
import { refusedFor, tokenFor } from './identity.js';
import { reason, result, type CheckResult } from './runDoctor.js';

// The run's own selects (src/run/readSiteReport.ts); a page of 10 is enough to see what Graph shows.
const MEMBER_SELECT = 'id,givenName,surname,displayName,mail,userPrincipalName,jobTitle,accountEnabled,userType,assignedLicenses';
const PAGE = '10';
const SITES_TRIED = 3;

const is403 = (error: unknown) => error instanceof HttpError && error.status === 403;
const is404 = (error: unknown) => error instanceof HttpError && error.status === 404;

/** The first page of a group's user members, as the run reads them (an advanced query). */
async function firstMembers(graph: GraphClient, groupId: string, select: string): Promise<RawRecord[]> {
  const query = { $select: select, $top: PAGE, $count: 'true' };
  const page = await graph.get(`/groups/${encodeURIComponent(groupId)}/transitiveMembers/microsoft.graph.user`, query, { ConsistencyLevel: 'eventual' });
  return Array.isArray(page['value']) ? (page['value'] as RawRecord[]) : [];
}

export async function graphChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  try {
    await tokenFor(ctx, 'Microsoft Graph');
  } catch {
    return [result('graph', 'skip', 'Microsoft Graph', 'no token for Graph (see the identity check)')];
  }
  const groups = await groupChecks(ctx);
  return [await skusCheck(ctx), ...groups, await signInsCheck(ctx), await subscriptionsCheck(ctx)];
}

async function skusCheck(ctx: DoctorContext): Promise<CheckResult> {
  const title = 'Licenses (subscribedSkus)';
  try {
    const skus = await readSkus(ctx);
    const shown = skus
      .slice(0, 6)
      .map((s) => s.skuPartNumber)
      .join(', ');
    return result('graph.skus', 'ok', title, `${skus.length} SKU(s): ${shown}${skus.length > 6 ? '…' : ''}`);
  } catch (error) {
    return is403(error) ? refusedFor(ctx, 'graph.skus', title, 'LicenseAssignment.Read.All', error) : result('graph.skus', 'fail', title, describeError(error));
  }
}

async function groupChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  const title = 'Members of a site group';
  let sites: Site[];
  try {
    sites = (await readSites(ctx)).sites;
  } catch {
    return [result('graph.members', 'skip', title, 'needs the sites list (see SharePoint)')];
  }
  const out: CheckResult[] = [];
  const row = (site: Site) => `site ${site.code} (row ${site.rowId})`;
  for (const site of sites.slice(0, SITES_TRIED)) {
    let members: RawRecord[];
    try {
      members = await firstMembers(ctx.graph, site.membersGroupId, MEMBER_SELECT);
    } catch (error) {
      if (!is404(error))
        return [
          ...out,
          is403(error)
            ? await refusedFor(ctx, 'graph.members', title, 'GroupMember.Read.All', error)
            : result('graph.members', 'fail', title, describeError(error)),
        ];
      out.push(
        result(
          `graph.group.${site.code}`,
          'warn',
          `Staff group of ${site.code}`,
          `${row(site)}: group ${site.membersGroupId} does not exist; that site will fail at "members"`,
          `put the group's Object ID (Entra admin center > Groups > the group) in ${ctx.config.siteColumns.membersGroupId}`,
        ),
      );
      continue;
    }
    if (members.length === 0) {
      out.push(
        result(`graph.group.${site.code}`, 'warn', `Staff group of ${site.code}`, `${row(site)}: the group has no user member; its report will list nobody`),
      );
      continue;
    }
    // Without User.Read.All, Graph lists members with their id only, every other property null.
    if (!members.some((m) => Array.isArray(m['assignedLicenses']) && m['displayName'] != null)) {
      const error = new Error(`${row(site)}: members come back without names or licenses visible`);
      out.push(await refusedFor(ctx, 'graph.members', title, 'User.Read.All', error));
      return out;
    }
    out.push(result('graph.members', 'ok', title, `${row(site)}: ${members.length} member(s) of the first page read, with names and licenses`));
    out.push(await correspondentsCheck(ctx, site));
    return out;
  }
  if (sites.length === 0) return [result('graph.members', 'skip', title, 'no active site to read (see the sites list)')];
  return [
    ...out,
    result(
      'graph.members',
      'warn',
      title,
      `none of the first ${Math.min(SITES_TRIED, sites.length)} site(s) has a readable staff group: permissions not confirmed`,
    ),
  ];
}

async function correspondentsCheck(ctx: DoctorContext, site: Site): Promise<CheckResult> {
  const title = `Correspondents of ${site.code}`;
  try {
    const people = await firstMembers(ctx.graph, site.correspondentsGroupId, 'id,displayName,mail');
    const withMail = people.filter((p) => typeof p['mail'] === 'string' && p['mail']);
    if (withMail.length === 0)
      return result(
        'graph.correspondents',
        'warn',
        title,
        `group ${site.correspondentsGroupId} has no member with a mail address: that site's report reaches no one`,
        'add the IT correspondents (with a mailbox) to the group',
      );
    return result('graph.correspondents', 'ok', title, `${withMail.length} correspondent(s) with a mail address on the first page`);
  } catch (error) {
    if (is404(error))
      return result(
        'graph.correspondents',
        'warn',
        title,
        `group ${site.correspondentsGroupId} does not exist; that site will fail at "correspondents"`,
        `put the group's Object ID in ${ctx.config.siteColumns.correspondentsGroupId}`,
      );
    return result('graph.correspondents', 'fail', title, describeError(error));
  }
}

async function signInsCheck(ctx: DoctorContext): Promise<CheckResult> {
  const title = 'Sign-in activity (inactive accounts)';
  try {
    await ctx.graph.get('/users', { $select: 'id,signInActivity', $top: '1' });
    return result('graph.signIns', 'ok', title, 'readable');
  } catch (error) {
    if (error instanceof HttpError && /RequestFromNonPremiumTenant/i.test(error.detail)) {
      return result(
        'graph.signIns',
        'warn',
        title,
        `${reason(error)}: sign-in activity needs Microsoft Entra ID P1; the mails say the check is unavailable`,
        'license Entra ID P1 (included in Microsoft 365 Business Premium, E3, E5), or accept the check as unavailable',
      );
    }
    // Graph checks the right to read users first (Authorization_RequestDenied), then AuditLog.Read.All.
    if (is403(error) && /AuditLog|MSGraphPermissionMissing/i.test((error as HttpError).detail))
      return refusedFor(ctx, 'graph.signIns', title, 'AuditLog.Read.All', error);
    return result('graph.signIns', 'warn', title, `${describeError(error)}${is403(error) ? ' (reading users needs User.Read.All first)' : ''}`);
  }
}

async function subscriptionsCheck(ctx: DoctorContext): Promise<CheckResult> {
  const title = 'Company subscriptions';
  try {
    const value = (await ctx.graph.get('/directory/subscriptions'))['value'];
    return result('graph.subscriptions', 'ok', title, `${Array.isArray(value) ? value.length : 0} subscription(s) readable`);
  } catch (error) {
    return is403(error)
      ? refusedFor(ctx, 'graph.subscriptions', title, 'Organization.Read.All', error)
      : result('graph.subscriptions', 'warn', title, describeError(error));
  }
}
