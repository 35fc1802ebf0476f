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
  /** Every user's id + signInActivity (needs AuditLog.Read.All and Entra ID P1; 403 otherwise). */
  listSignInActivity(): Promise<RawRecord[]>;
}

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
}

export type SendResult = { status: 'sent' } | { status: 'outbox'; files: string[] };

/**
 * Sends one message. Throws DeliveryUnknownError when the message may or may not have gone out
 * (never retried), any other error when it certainly did not.
 */
export interface Mailer {
  send(mail: OutgoingMail): Promise<SendResult>;
}

export interface Lease {
  /** Keeps the lease alive during a long run. */
  renew(): Promise<void>;
  release(): Promise<void>;
}

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
}

/** Fetch of a public resource (Microsoft's product names CSV); injectable for tests. */
export type FetchText = (url: string) => Promise<string>;
