// Data model of the fake tenant. Plain JSON-like objects so tests can build,
// inspect and mutate a tenant between "months" without any API.

export interface FakeSignInActivity {
  lastSignInDateTime: string | null;
  lastNonInteractiveSignInDateTime: string | null;
  lastSuccessfulSignInDateTime: string | null;
}

export interface FakeAssignedLicense {
  skuId: string;
  disabledPlans: string[];
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
  assignedLicenses: FakeAssignedLicense[];
  /** Absent = the user never signed in (Graph then returns null for the property). */
  signInActivity?: FakeSignInActivity;
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
}

export interface FakeServicePlan {
  servicePlanId: string;
  servicePlanName: string;
  friendlyName: string;
}

export interface FakeSku {
  skuId: string;
  skuPartNumber: string;
  /** Commercial name, used by the product-names CSV. */
  displayName: string;
  /** prepaidUnits.enabled; consumedUnits is computed from the users. */
  prepaidUnits: number;
  capabilityStatus?: 'Enabled' | 'Warning' | 'Suspended' | 'Deleted' | 'LockedOut';
  servicePlans?: FakeServicePlan[];
}

export interface FakeList {
  title: string;
  /** Internal names of the custom columns (Title, Id and ID always exist). */
  fields: string[];
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

export interface FakeTenantOptions {
  latencyMs?: number;
  token?: string;
}

export interface FakeTenant {
  data: TenantData;
  handle(request: Request): Promise<Response>;
  requests: RequestRecord[];
  sentMail: FakeMessage[];
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  countsByKind(): Record<string, number>;
  maxInFlight(kind: string): number;
  reset(): void;
}
