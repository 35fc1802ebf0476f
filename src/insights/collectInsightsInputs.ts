import type { Clock, Directory, FetchText, TextStore } from '../ports.js';
import type { RunWarning } from '../types.js';
import { describeError } from '../errors.js';
import { insightUnavailable } from './insightUnavailable.js';
import { loadProductNames } from './loadProductNames.js';
import { createSignInReader, type SignInReader } from './createSignInReader.js';
import { readAllLicensedUsers, type LicensedUsersRead } from './readAllLicensedUsers.js';
import { snapshotStore, type SnapshotStore } from './snapshotStore.js';
import type { Period, ProductNamesResult, RunCosts } from './types.js';
import { readCompanySubscriptions, type SubscriptionsRead } from './waste/readCompanySubscriptions.js';
import { groupNamesReader, type GroupNamesReader } from './waste/readGroupNames.js';

export interface InsightsInputs {
  /** Still reading when the sites start: each site asks for its accounts' sign-ins (forUsers). */
  signIns: SignInReader;
  /** `{ users: 'unavailable' }` alone when not asked for (InsightsScope.coverage false). */
  licensedUsers: LicensedUsersRead | { users: 'unavailable' };
  productNames: ProductNamesResult;
  previousRunCosts: RunCosts | undefined;
  /** The company subscriptions, for the summary's "subscriptions to act on"; 'unavailable' when not asked for. */
  subscriptions: SubscriptionsRead;
  /** Names the groups at fault in assignment errors, each once per run. */
  groupNames: GroupNamesReader;
  snapshots: SnapshotStore;
  /** What could not be read so far, for the run summary (code 'insights-unavailable'). */
  readonly warnings: RunWarning[];
}

/** The run-level reads a caller can do without (all by default). */
export interface InsightsScope {
  /** The tenant's licensed users, for "in no site": pointless when the run covers some sites only. */
  coverage?: boolean;
  /** Last month's run costs: only the run summary compares them. */
  costComparison?: boolean;
  /** The company subscriptions (GET /directory/subscriptions): only the run summary shows them. */
  subscriptions?: boolean;
}

/**
 * Everything the insights read once per run, in parallel: the tenant's licensed users, Microsoft's
 * product names, last month's run costs, the company subscriptions, and the sign-ins' first answer (the rest of them come as the
 * sites ask). Each missing piece turns its insight off with a warning, and the reports go out as
 * usual (createInsights().read never rejects).
 */
export async function collectInsightsInputs(deps: {
  directory: Pick<Directory, 'pageUsers' | 'listUsersByIds' | 'listCompanySubscriptions' | 'listGroupsById'>;
  store: TextStore;
  fetchText: FetchText;
  clock: Clock;
  productNamesUrl: string | undefined;
  period: Period;
  scope?: InsightsScope;
}): Promise<InsightsInputs> {
  const snapshots = snapshotStore(deps.store);
  const { coverage = true, costComparison = true, subscriptions: withSubscriptions = true } = deps.scope ?? {};
  const notAsked: SubscriptionsRead = { subscriptions: 'unavailable', reason: 'error', message: 'not read for this report' };
  let firstPageRead: (users: number | undefined) => void = () => undefined;
  const usersOnFirstPage = new Promise<number | undefined>((resolve) => (firstPageRead = resolve));
  const signIns = createSignInReader(deps.directory, coverage ? { mode: 'tenant', usersOnFirstPage } : { mode: 'by-id' });
  const [, licensedUsers, productNames, previousRunCosts, subscriptions] = await Promise.all([
    signIns.started,
    coverage ? readAllLicensedUsers(deps.directory, firstPageRead).finally(() => firstPageRead(undefined)) : { users: 'unavailable' as const },
    loadProductNames({ fetchText: deps.fetchText, store: deps.store, url: deps.productNamesUrl, clock: deps.clock }),
    costComparison
      ? snapshots.loadPreviousRunCosts(deps.period).then(
          (costs) => ({ costs }),
          (error: unknown) => ({ error: describeError(error) }),
        )
      : { costs: undefined },
    withSubscriptions ? readCompanySubscriptions(deps.directory) : notAsked,
  ]);

  const warnings: RunWarning[] = [];
  if ('warning' in licensedUsers) warnings.push(licensedUsers.warning);
  else if ('unreadable' in licensedUsers && licensedUsers.unreadable > 0) {
    const reason = `${licensedUsers.unreadable} user record(s) could not be read`;
    warnings.push(insightUnavailable('coverage', `Licensed accounts in no site: ${reason}; they are not checked`, reason));
  }
  if (productNames.error) {
    const fallback = { cache: 'the cached copy is used', fresh: 'the names read are used', none: 'technical names are shown' }[productNames.source];
    warnings.push(insightUnavailable('product-names', `Microsoft's product names: ${productNames.error}; ${fallback}`, productNames.error));
  }
  if ('error' in previousRunCosts) {
    warnings.push(
      insightUnavailable(
        'cost-comparison',
        `Last month's costs could not be read, no comparison this month: ${previousRunCosts.error}`,
        previousRunCosts.error,
      ),
    );
  }
  if (subscriptions.warning) warnings.push(subscriptions.warning);
  return {
    signIns,
    licensedUsers,
    productNames,
    previousRunCosts: 'costs' in previousRunCosts ? previousRunCosts.costs : undefined,
    subscriptions,
    groupNames: groupNamesReader(deps.directory),
    snapshots,
    // A sign-in read by id may fail after the sites started: asked for when the summary is built.
    get warnings() {
      const read = signIns.current();
      return read.signIns === 'unavailable' && read.warning ? [read.warning, ...warnings] : warnings;
    },
  };
}
