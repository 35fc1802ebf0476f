import { DeliveryUnknownError, HttpError, TimeoutError } from '../../errors.js';
import type { RetryPolicy } from '../http/createHttpStep.js';
import { failureReason, isNetworkFailure, NetworkError, neverReachedServer } from '../http/networkFailure.js';
import type { GraphClient } from './graphClient.js';

export interface SendMailPayload {
  /** A Graph message resource: subject, body, toRecipients, attachments... */
  message: Record<string, unknown>;
  saveToSentItems: boolean;
}

// sendMail is not idempotent: a 5xx, a timeout or a connection dropped after the request was
// written may hide a message that went out. Retried only when Graph refused it before acting (429)
// or when the connection never opened.
const SEND_MAIL_POLICY: RetryPolicy = { retryStatuses: [429], retryError: neverReachedServer };

/**
 * POST /users/{sender}/sendMail; resolves when Graph accepted the message: any 2xx, its body never
 * read (a 202 once came with a JSON content type and an empty body, msgraph-sdk-javascript#156).
 * Throws DeliveryUnknownError when the message may have gone out (5xx, timeout, connection dropped
 * after sending began): the caller must not resend it. Any other error means it certainly was not
 * sent (4xx, 429 still throttled at the run deadline, connection never opened, no token).
 */
export async function postSendMail(client: GraphClient, sender: string, payload: SendMailPayload): Promise<void> {
  const path = `/users/${encodeURIComponent(sender)}/sendMail`;
  try {
    await client.post(path, payload, SEND_MAIL_POLICY);
  } catch (error) {
    if (error instanceof HttpError) throw error.status >= 500 ? unknown(error.message, error) : error;
    if (error instanceof TimeoutError) throw unknown(error.message, error);
    if (isNetworkFailure(error)) {
      const where = error instanceof NetworkError ? error.target : path;
      if (neverReachedServer(error)) {
        throw new Error(`POST ${where} could not connect: ${failureReason(error)}; the message was not sent`, { cause: error });
      }
      throw unknown(`POST ${where} lost its connection: ${failureReason(error)}`, error as Error);
    }
    throw error;
  }
}

function unknown(reason: string, cause: Error): DeliveryUnknownError {
  return new DeliveryUnknownError(`${reason}; the message may or may not have been sent`, { cause });
}
