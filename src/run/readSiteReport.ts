import { buildSiteReport } from '../core/buildSiteReport.js';
import type { PriceIndex } from '../core/buildPriceIndex.js';
import { describeError } from '../errors.js';
import type { RunWarning, Site, SiteReport } from '../types.js';
import { describeGroupError } from './describeGroupError.js';
import type { RunDeps } from './RunDeps.js';
import { SiteStepError } from './SiteStepError.js';

/**
 * What a report row needs; assignedLicenses includes licenses inherited from groups, and
 * licenseAssignmentStates says how each came (direct, group) and which failed (the waste insights).
 */
const MEMBER_FIELDS = [
  'id',
  'givenName',
  'surname',
  'displayName',
  'mail',
  'userPrincipalName',
  'jobTitle',
  'accountEnabled',
  'userType',
  'assignedLicenses',
  'licenseAssignmentStates',
] as const;
const CORRESPONDENT_FIELDS = ['id', 'displayName', 'mail'] as const;

/** A site's report as read, with the accounts that could not become rows. */
export interface SiteRead {
  report: SiteReport;
  warnings: RunWarning[];
}

/**
 * Reads one site's two groups in parallel and builds its report. Never throws: a failure is the
 * SiteStepError naming the step (members, correspondents, join).
 */
export async function readSiteReport(deps: Pick<RunDeps, 'directory' | 'config'>, site: Site, priceIndex: PriceIndex): Promise<SiteRead | SiteStepError> {
  const [members, correspondents] = await Promise.allSettled([
    deps.directory.listGroupUsers(site.membersGroupId, MEMBER_FIELDS),
    deps.directory.listGroupUsers(site.correspondentsGroupId, CORRESPONDENT_FIELDS),
  ]);
  if (members.status === 'rejected') return new SiteStepError('members', describeGroupError(site.membersGroupId, members.reason));
  if (correspondents.status === 'rejected') {
    return new SiteStepError('correspondents', describeGroupError(site.correspondentsGroupId, correspondents.reason));
  }
  try {
    return buildSiteReport(site, members.value, correspondents.value, { priceIndex, locale: deps.config.locale });
  } catch (error) {
    return new SiteStepError('join', describeError(error));
  }
}
