// Data model of the fake tenant. Plain JSON-like objects so tests can build,
// inspect and mutate a tenant between "months" without any API.

/**
 * user.signInActivity (learn.microsoft.com/graph/api/resources/signinactivity). lastSignInDateTime and
 * lastNonInteractiveSignInDateTime record attempts, successful or not; lastSuccessfulSignInDateTime
 * (since 2023-12-01, not backfilled) the last success. Tenants write "never" as null, "" or
 * "0001-01-01T00:00:00Z": the fake serves whichever string the data holds.
 */
export interface FakeSignInActivity {
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  lastSuccessfulSignInDateTime: string | null;
}

export interface FakeAssignedLicense {
  skuId: string;
  disabledPlans: string[];
}

/** user.licenseAssignmentStates[] (learn.microsoft.com/graph/api/resources/licenseassignmentstate). */
export interface FakeLicenseAssignmentState {
  skuId: string;
  /** null = assigned directly; else the id of the group it is inherited from. */
  assignedByGroup: string | null;
  state: 'Active' | 'ActiveWithError' | 'Disabled' | 'Error';
  /** null when assigned successfully (as documented). */
  error:
    null | 'CountViolation' | 'MutuallyExclusiveViolation' | 'DependencyViolation' | 'ProhibitedInUsageLocationViolation' | 'UniquenessViolation' | 'Other';
  disabledPlans: string[];
  lastUpdatedDateTime: string | null;
}

export interface FakeUser {
  id: string;
  displayName: string;
  givenName: string | null;
  surname: string | null;
  mail: string | null;
  userPrincipalName: string;
  jobTitle: string | null;
  accountEnabled: boolean;
  userType: 'Member' | 'Guest';
  /** Every license the user holds, direct and group-inherited (as Graph's assignedLicenses). */
  assignedLicenses: FakeAssignedLicense[];
  /** Absent = the user never signed in (Graph then returns null for the property). */
  signInActivity?: FakeSignInActivity;
  /** Absent = null, as Graph answers for accounts created before mid-2018. */
  createdDateTime?: string;
  /**
   * Absent = derived: one entry per assigned license, inherited from a group whose
   * assignedLicenses hold that SKU (the user being a transitive member), else direct, all Active.
   * Set it for errors, or for a license held both directly and through a group.
   */
  licenseAssignmentStates?: FakeLicenseAssignmentState[];
  /** false = no Exchange Online mailbox (mail REST answers MailboxNotEnabledForRESTAPI). Default: mail !== null. */
  hasMailbox?: boolean;
  usageLocation?: string | null;
  /** Optional default-set properties; Graph returns [] / null when unset. */
  businessPhones?: string[];
  mobilePhone?: string | null;
  officeLocation?: string | null;
  preferredLanguage?: string | null;
}

export interface FakeGroup {
  id: string;
  displayName: string;
  /** Ids of users or of nested groups. Unknown ids are ignored (dangling references). */
  memberIds: string[];
  mail?: string | null;
  /** Group-based licensing: the licenses the group gives its members. */
  assignedLicenses?: FakeAssignedLicense[];
}

export interface FakeServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  friendlyName: string;
  /** 'Company' for tenant-level plans (e.g. INTUNE_O365); default 'User'. */
  appliesTo?: 'User' | 'Company';
  /** Default 'Success'. */
  provisioningStatus?: 'Success' | 'Disabled' | 'PendingInput' | 'PendingActivation' | 'PendingProvisioning' | 'Error';
}

export interface FakeSku {
  skuId: string;
  skuPartNumber: string;
  /** Commercial name, used by the product-names CSV. */
  displayName: string;
  /** prepaidUnits.enabled; consumedUnits is computed from the users (so it may exceed this). */
  prepaidUnits: number;
  /** prepaidUnits.warning (seats in their grace period), .suspended, .lockedOut; default 0. */
  warningUnits?: number;
  suspendedUnits?: number;
  lockedOutUnits?: number;
  capabilityStatus?: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  servicePlans?: FakeServicePlan[];
}

/** companySubscription (learn.microsoft.com/graph/api/resources/companysubscription). */
export interface FakeSubscription {
  id: string;
  commerceSubscriptionId: string;
  skuId: string;
  skuPartNumber: string;
  status: 'Enabled' | 'Warning' | 'Suspended' | 'LockedOut' | 'Deleted';
  isTrial: boolean;
  totalLicenses: number;
  createdDateTime: string;
  nextLifecycleDateTime: string | null;
}

/** One SharePoint column as GET …/fields describes it. */
export interface FakeColumn {
  internalName: string;
  title: string;
  type: 'Text' | 'Note' | 'Number' | 'Currency' | 'Integer' | 'Boolean' | 'DateTime' | 'Choice' | 'Lookup' | 'User' | 'URL';
}

export interface FakeList {
  title: string;
  /** Internal names of the custom columns (Title, Id and ID always exist). */
  fields: string[];
  /** Column titles and types; absent = each field titled by its internal name, typed from the items' values. */
  columns?: FakeColumn[];
  /** Each item carries Id, ID (numbers) and Title plus its column values. */
  items: Record<string, unknown>[];
}

export interface TenantData {
  tenantId: string;
  organisationName: string;
  domain: string;
  /** Mailbox the app sends from. */
  mailSender: string;
  itSummaryTo: string[];
  users: FakeUser[];
  groups: FakeGroup[];
  skus: FakeSku[];
  /** GET /directory/subscriptions; absent = one per SKU, derived from its units. */
  subscriptions?: FakeSubscription[];
  sharePoint: { sitePath: string; lists: FakeList[] };
  /** true = tenant without Entra ID P1: selecting signInActivity on /users gives 403. */
  signInActivityForbidden?: boolean;
}

/** One sendMail the fake accepted, as received. */
export interface FakeMessage {
  /** Mailbox exactly as written in the URL (id, UPN or mail). */
  from: string;
  message: Record<string, unknown>;
  saveToSentItems: boolean;
  /** Size of the whole HTTP request body. */
  sizeBytes: number;
  /** Epoch milliseconds. */
  at: number;
}

/** A message in a mailbox's Sent Items, as Graph's message resource serialises it. */
export interface FakeStoredMessage {
  /** The owner's user id (lower case). */
  mailboxId: string;
  /** Epoch ms from which the message can be listed (Sent Items lag). */
  visibleAt: number;
  /** message resource properties, singleValueExtendedProperties included. */
  message: Record<string, unknown> & { id: string };
}

export type FaultResponse = { status: number; headers?: Record<string, string>; body?: unknown };

export interface FaultRule {
  match: {
    method?: string;
    kind?: string;
    pathIncludes?: string;
    predicate?: (req: Request) => boolean;
  };
  /** How many matching requests the rule applies to; default Infinity. */
  times?: number;
  /**
   * true = the request is first handled as usual (mail delivered and saved, for example) and the
   * answer is then replaced by `respond`: "sent, but the answer was lost".
   */
  deliverFirst?: boolean;
  respond: FaultResponse | 'hang' | 'reset';
}

export interface RequestRecord {
  method: string;
  url: string;
  kind: string;
  /** HTTP status; 0 when no response was produced (reset, hang aborted). */
  status: number;
  /** Epoch milliseconds. */
  startedAt: number;
  endedAt: number;
  /** true for a request carried inside a $batch (its url is then made absolute). */
  inBatch?: boolean;
}

/** How GET /users pages when signInActivity is selected (see README, "Sign-in page cap"). */
export type SignInPaging = 'cap120' | 'reject-above-120' | 'cap500';

/** Behaviour switches; all mutable at run time through tenant.options. */
export interface FakeTenantOptions {
  latencyMs?: number;
  /** The opaque token granting every permission; default 'fake-token'. Role tokens (fakeAppToken) are accepted too. */
  token?: string;
  /** Clock for Sent Items visibility; default Date.now (vi.useFakeTimers moves it). */
  now?: () => number;
  /** A sent message appears in Sent Items this many ms after the 202; default 0. */
  sentItemsLagMs?: number;
  /** The 202 of sendMail carries Content-Type: application/json and an empty body (msgraph-sdk-javascript#156). */
  sendMailJsonContentType?: boolean;
  /** Exchange RBAC for Applications: the only mailboxes (UPN, mail or id) the app may send from / read. */
  mailboxScope?: { send?: string[]; read?: string[] };
  /** SharePoint refuses every app-only token: as obtained with a client secret, or any other unsupported token. */
  sharePointRejects?: 'client-secret-token' | 'unsupported-security-token';
  signInPaging?: SignInPaging;
  /** Which published form GET /msdownload/product-names.csv serves; default 'current'. */
  productNamesForm?: 'current' | '2022';
}

export interface FakeTenant {
  data: TenantData;
  /** The live options: tests may change them between requests. */
  options: FakeTenantOptions;
  handle(request: Request): Promise<Response>;
  requests: RequestRecord[];
  sentMail: FakeMessage[];
  /** Messages saved to each mailbox's Sent Items (visible or still lagging). */
  sentItems: FakeStoredMessage[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  countsByKind(): Record<string, number>;
  maxInFlight(kind: string): number;
  /** Clears requests, sent mail, Sent Items, faults and peaks; keeps data and options. */
  reset(): void;
}
