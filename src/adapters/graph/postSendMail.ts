import type { Client } from '@microsoft/microsoft-graph-client';
import { DeliveryUnknownError, HttpError, TimeoutError } from '../../errors.js';
import { isNetworkFailure } from '../http/isNetworkFailure.js';
import { neverReachedServer } from '../http/neverReachedServer.js';
import { toAdapterError } from './toAdapterError.js';

export interface SendMailPayload {
  /** A Graph message resource: subject, body, toRecipients, attachments... */
  message: Record<string, unknown>;
  saveToSentItems: boolean;
}

/**
 * POST /users/{sender}/sendMail; resolves when Graph accepted the message (202). Throws
 * DeliveryUnknownError when the message may have gone out (5xx, timeout, connection dropped
 * after sending began): the caller must not resend it. Any other error means it certainly was
 * not sent (4xx, 429 still throttled after RETRY_GIVE_UP_MS, connection refused).
 */
export async function postSendMail(client: Client, sender: string, payload: SendMailPayload): Promise<void> {
  const path = `/users/${encodeURIComponent(sender)}/sendMail`;
  try {
    await client.api(path).post(payload);
  } catch (thrown) {
    const error = toAdapterError(thrown, 'POST', path);
    if (error instanceof HttpError) throw error.status >= 500 ? unknown(error.message, error) : error;
    if (error instanceof TimeoutError) throw unknown(error.message, error);
    if (isNetworkFailure(error)) {
      if (neverReachedServer(error)) {
        throw new Error(`POST ${path} could not connect (${networkReason(error)}); the message was not sent`, { cause: error });
      }
      throw unknown(`POST ${path} lost its connection (${networkReason(error)})`, error);
    }
    throw error;
  }
}

function unknown(reason: string, cause: Error): DeliveryUnknownError {
  return new DeliveryUnknownError(`${reason}; the message may or may not have been sent`, { cause });
}

function networkReason(error: Error): string {
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  return typeof cause?.code === 'string' ? cause.code : error.message;
}
