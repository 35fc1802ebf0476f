import type { Config } from '../../config/Config.js';
import type { Directory } from '../../ports.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import { createGraphClient, type GraphClientOptions } from './createGraphClient.js';
import { graphDirectory } from './graphDirectory.js';
import { postSendMail, type SendMailPayload } from './postSendMail.js';

export type { GraphClientOptions } from './createGraphClient.js';
export type { SendMailPayload } from './postSendMail.js';

export interface GraphAdapters {
  directory: Directory;
  postSendMail(sender: string, payload: SendMailPayload): Promise<void>;
}

/** Everything the app reads from or sends through Microsoft Graph, over one client. */
export function createGraphAdapters(
  config: Pick<Config, 'graphBaseUrl' | 'requestTimeoutMs' | 'retryGiveUpMs'>,
  tokens: TokenProvider,
  options: GraphClientOptions = {},
): GraphAdapters {
  const client = createGraphClient(config, tokens, options);
  return {
    directory: graphDirectory(client),
    postSendMail: (sender, payload) => postSendMail(client, sender, payload),
  };
}
