// The project's small error set. Messages never carry tokens or user data beyond what the
// reader of the run summary is entitled to see.

/** An HTTP answer we could not use: names method, path and status, never the token. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly status: number,
    readonly detail: string,
  ) {
    super(`${method} ${path} answered ${status}${detail ? `: ${detail}` : ''}`);
  }
}

/** A request that did not answer within the configured timeout. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(
    readonly method: string,
    readonly path: string,
    readonly timeoutMs: number,
  ) {
    super(`${method} ${path} did not answer within ${timeoutMs} ms`);
  }
}

/** Every bad setting, by name, in one error. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
  }
}

/** Bad command-line or HTTP arguments, naming the argument. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Another run holds the lease for this period. */
export class RunInProgressError extends Error {
  override readonly name = 'RunInProgressError';
}

export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'string') return new Error(value);
  try {
    return new Error(JSON.stringify(value));
  } catch {
    return new Error(String(value));
  }
}

/** Removes bearer tokens and storage keys that a library may have put into a message. */
export function redactSecrets(text: string): string {
  return text
    .replace(/Bearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer [redacted]')
    .replace(/(AccountKey|SharedAccessSignature|sig|client_secret|access_token)=([^;&\s]+)/gi, '$1=[redacted]')
    .replace(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g, '[redacted-jwt]');
}

/**
 * sendMail failed in a way that does not tell whether the message went out (5xx, timeout,
 * connection dropped after the request was written): never retried, reported as "delivery unknown".
 */
export class DeliveryUnknownError extends Error {
  override readonly name = 'DeliveryUnknownError';
}

/** An error as one line for the summary, warnings and logs, without any token a library put into it. */
export function describeError(error: unknown): string {
  return redactSecrets(toError(error).message).replace(/\s+/g, ' ').trim();
}

/**
 * The app may not read the sender's Sent Items (403: no Exchange "Application Mail.Read" on that
 * mailbox, or only Mail.ReadBasic, which hides extended properties): a delivery key cannot be
 * looked up, so an uncertain delivery stays unknown.
 */
export class SentItemsForbiddenError extends Error {
  override readonly name = 'SentItemsForbiddenError';
}
