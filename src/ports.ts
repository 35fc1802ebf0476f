// The adapters the core is given. Adapters return raw data (Graph / SharePoint JSON);
// the core parses and validates it.
import type { Recipient } from './types.js';

export interface Logger {
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

export interface Clock {
  now(): Date;
}

/** Raw JSON object as an external API returned it. */
export type RawRecord = Record<string, unknown>;

/** SharePoint lists: every item of a list, every page, with only the named columns. */
export interface ListReader {
  readItems(listTitle: string, columns: readonly string[]): Promise<RawRecord[]>;
}

/** Microsoft Graph directory reads. */
export interface Directory {
  /** Users among the group's transitive members (nested groups count), every page, `select`ed properties. */
  listGroupUsers(groupId: string, select: readonly string[]): Promise<RawRecord[]>;
  /** GET /subscribedSkus, the tenant's SKUs. */
  listSubscribedSkus(): Promise<RawRecord[]>;
  /**
   * Every user of the tenant (GET /users, every page, `select`ed properties). Selecting
   * signInActivity needs AuditLog.Read.All and Entra ID P1: Graph answers 403 otherwise.
   */
  listUsers(select: readonly string[]): Promise<RawRecord[]>;
  /** GET /directory/subscriptions, the tenant's commercial subscriptions; needs Organization.Read.All (403 otherwise). */
  listCompanySubscriptions(): Promise<RawRecord[]>;
  /** The groups among `ids`, `select`ed properties; a group that no longer exists is simply absent. */
  listGroupsById(ids: readonly string[], select: readonly string[]): Promise<RawRecord[]>;
  /** The same users page by page: the next page is read only when the caller asks for it. */
  pageUsers(select: readonly string[]): AsyncIterable<RawRecord[]>;
  /**
   * The users with these ids (`$filter=id in (...)`), `select`ed; an id Graph does not know is
   * simply absent. Up to USERS_BY_ID_PER_REQUEST ids cost one request.
   */
  listUsersByIds(ids: readonly string[], select: readonly string[]): Promise<RawRecord[]>;
}

/** Ids Directory.listUsersByIds reads in one request (object ids are GUIDs; see graphDirectory.ts). */
export const USERS_BY_ID_PER_REQUEST = 40;

export interface MailAttachment {
  name: string;
  contentType: string;
  content: Uint8Array;
}

export interface OutgoingMail {
  /** 'site' for a site report (siteCode set), 'summary' for central IT. */
  kind: 'site' | 'summary';
  siteCode?: string;
  to: Recipient[];
  subject: string;
  html: string;
  attachments: MailAttachment[];
  /**
   * Identifies this delivery attempt ("2026-11/SIEGE/<attempt id>"): the Graph mailer puts it on
   * the message as a single-value extended property, so that Sent Items can tell later whether it
   * went out (docs/decisions/delivery-reconciliation.md). The outbox ignores it.
   */
  deliveryKey?: string;
}

/** A message found in the sender's Sent Items by its delivery key. */
export interface SentItem {
  key: string;
  /** When it went out (the message's sentDateTime), when Graph gives it. */
  sentAt?: string;
}

/**
 * The sender's Sent Items, searched by delivery key. Throws SentItemsForbiddenError when the app
 * may not read the sender's mail (403), any other error when the lookup failed.
 */
export interface SentItemsLookup {
  /** The first of `keys` found, or undefined when none is there (yet: Sent Items can lag). */
  find(keys: readonly string[]): Promise<SentItem | undefined>;
}

export type SendResult = { status: 'sent' } | { status: 'outbox'; files: string[] };

/**
 * Sends one message. Throws DeliveryUnknownError when the message may or may not have gone out
 * (never retried), any other error when it certainly did not.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
  /**
   * Set when mail goes to a real mailbox (Graph): where an attempt is looked up by its key. Without
   * it (outbox) no key is given and nothing is recorded before sending.
   */
  sentItems?: SentItemsLookup | undefined;
}

export interface Lease {
  /** Keeps the lease alive during a long run. */
  renew(): Promise<void>;
  release(): Promise<void>;
}

/**
 * Who holds a lease, as far as the store can tell, so that a refused run can say when to retry:
 * a process of this machine (the lease ends when it exits, at once if it crashes), or a holder
 * whose lease ends when it stops renewing (Blob Storage; a process of another machine).
 */
export type LeaseHolder = { endsWith: 'process'; pid: number } | { endsWith: 'expiry'; expiresAt?: string; host?: string };

/**
 * A small text store (Azure Blob Storage, or a local folder): the run ledger, the lease,
 * snapshots, cached product names and HTTP run results live here.
 */
export interface TextStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, text: string): Promise<void>;
  list(prefix: string): Promise<string[]>;
  /** Atomic, exclusive: resolves undefined when another holder has it. */
  tryAcquireLease(key: string, durationSeconds: number): Promise<Lease | undefined>;
  /** Who holds the lease on `key` (undefined: free, or not known); stores that cannot tell omit it. */
  leaseHolder?(key: string, durationSeconds: number): Promise<LeaseHolder | undefined>;
}

/**
 * Fetch of a public resource (Microsoft's product names CSV); injectable for tests. The real one
 * hands the body's bytes: the caller decodes them (old copies of that CSV are Windows-1252).
 */
export type FetchText = (url: string) => Promise<string | Uint8Array>;

/** Settings the renderers need, fixed for one run. */
export interface RenderContext {
  orgName: string;
  locale: 'fr-FR' | 'en-US';
  timeZone: string;
  currency: string;
  /** When the run started: the "run date" in the mails. */
  generatedAt: Date;
  /** Report month, "YYYY-MM". */
  period: string;
  /** Rows shown in a mail body before it switches to a summary + attachment. */
  mailBodyMaxRows: number;
}

export interface RenderedMail {
  subject: string;
  html: string;
  attachments: MailAttachment[];
}

/** Built once per run (templates compiled once), then used for every site. */
export interface Renderer {
  siteReport(report: import('./types.js').SiteReport): Promise<RenderedMail>;
  runSummary(result: import('./types.js').RunResult): Promise<RenderedMail>;
}

/**
 * What the ledger remembers of one site's delivery in one period. 'sending' is written just before
 * sendMail (the intent), 'sent' once Graph accepted it (2xx) or its key was found in Sent Items;
 * 'unknown' when sendMail's answer did not tell (5xx, timeout, reset); 'not-sent' when it was
 * refused (nothing went out). 'sending' and 'unknown' are pending: looked up in Sent Items before
 * anything is sent again (docs/decisions/delivery-reconciliation.md).
 */
export interface DeliveryRecord {
  siteCode: string;
  status: DeliveryRecordStatus;
  /** The attempt's time; for 'sent', when it was accepted (or, found in Sent Items, sent). */
  at: string;
  runId: string;
  recipients: string[];
  /** The delivery key the attempt's message carries; absent in records written before keys. */
  key?: string;
  /** Keys of this period's earlier attempts that Sent Items did not show: looked up too. */
  earlierKeys?: string[];
  /** 'sent' only: 'accepted' (sendMail answered 2xx) or 'sent-items' (its key was found there). */
  confirmedBy?: 'accepted' | 'sent-items';
  /** 'unknown' and 'not-sent': sendMail's answer. */
  reason?: string;
}

export type DeliveryRecordStatus = 'sending' | 'sent' | 'unknown' | 'not-sent';

/** Exactly-once delivery across reruns and overlapping runs. */
export interface RunLedger {
  /** Exclusive lock for the period; throws RunInProgressError when another run holds it. */
  lock(period: string, runId: string): Promise<Lease>;
  deliveries(period: string): Promise<Map<string, DeliveryRecord>>;
  record(period: string, record: DeliveryRecord): Promise<void>;
}
