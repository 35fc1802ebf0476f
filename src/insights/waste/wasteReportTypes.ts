// What issue 15's rules add to a run's result (the --json document and both mails): the waste
// fields of an account to review, and central IT's view of the waste.
import type { Cents } from '../../types.js';
import type { CheckStatus } from '../types.js';
import type { AssignmentError, RedundantLicense, SavingsHeadline, SiteSavings, SubscriptionAttention } from './wasteTypes.js';

/** A license as a review line names it. */
export interface NamedLicense {
  skuId: string;
  label: string;
  /** Its unit price; null = "N/A". */
  monthlyPriceCents: Cents | null;
}

/** What a review item adds for a redundant license or an assignment error. */
export interface ReviewWasteFields {
  /** 'redundant-license': the license held for nothing; 'assignment-error': the license that could not be assigned. */
  license?: NamedLicense;
  /** 'redundant-license': the license held that already includes it, and how that was decided. */
  coveredBy?: NamedLicense;
  redundancy?: RedundantLicense['source'];
  /** 'assignment-error': Graph's state and error, the group at fault (null = the direct assignment) and its name. */
  assignment?: { state: string; error: string | null; groupId: string | null; groupName: string | null };
}

/** An assignment in error, for IT: who, which license, which group. */
export interface AssignmentErrorLine extends AssignmentError {
  name: string;
  email: string;
  /** The license that could not be assigned, named as the reports name it. */
  label: string;
  /** The group's display name; null for a direct assignment or a group that could not be read. */
  groupName: string | null;
  /** Sites whose report lists the account; empty for an account in no site. */
  siteCodes: string[];
}

/** Why the company subscriptions could not be read: 'forbidden' = Organization.Read.All is not granted (403). */
export type SubscriptionsUnavailable = 'forbidden' | 'error';

export interface RunWaste {
  /** The organisation's possible savings: idle paid seats, then every account once (sites and accounts in no site). */
  savings: SavingsHeadline;
  /** Every site with a report this run, ranked by its possible savings (largest first). */
  sites: SiteSavings[];
  subscriptionsCheck: CheckStatus;
  subscriptionsUnavailable?: SubscriptionsUnavailable;
  /** The subscriptions to act on, most urgent first (empty when unavailable). */
  subscriptions: SubscriptionAttention[];
  /** Assignments in error across the tenant, grouped by the group at fault (direct ones last). */
  assignmentErrors: AssignmentErrorLine[];
  /** LICENSE_OVERLAP_EXCEPTIONS: pairs held on purpose, never called redundant ("A+B"). */
  overlapExceptions: string[];
  /** INACTIVE_DAYS: what "inactive" meant in these figures. */
  inactiveDays: number;
}
