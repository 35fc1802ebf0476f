import type { Config } from '../../config/Config.js';
import type { Directory, SentItem } from '../../ports.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import type { HttpStep } from '../http/createHttpStep.js';
import { createGraphClient } from './graphClient.js';
import { findSentItem } from './findSentItem.js';
import { graphDirectory } from './graphDirectory.js';
import { postSendMail, type SendMailPayload } from './sendMail.js';

export type { SendMailPayload } from './sendMail.js';

export interface GraphAdapters {
  directory: Directory;
  postSendMail: (sender: string, payload: SendMailPayload) => Promise<void>;
  /** The sender's Sent Items message carrying this delivery key (needs Mail.Read on that mailbox). */
  findSentItem: (sender: string, key: string) => Promise<SentItem | undefined>;
}

/** Everything the app reads from or sends through Microsoft Graph, over one client. */
export function createGraphAdapters(config: Pick<Config, 'graphBaseUrl'>, tokens: TokenProvider, http: HttpStep): GraphAdapters {
  const client = createGraphClient(config, tokens, http);
  return {
    directory: graphDirectory(client),
    postSendMail: (sender, payload) => postSendMail(client, sender, payload),
    findSentItem: (sender, key) => findSentItem(client, sender, key),
  };
}
