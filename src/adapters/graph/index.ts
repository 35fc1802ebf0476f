import type { Config } from '../../config/Config.js';
import type { Directory } from '../../ports.js';
import type { TokenProvider } from '../auth/createTokenProvider.js';
import type { HttpStep } from '../http/createHttpStep.js';
import { createGraphClient } from './graphClient.js';
import { graphDirectory } from './graphDirectory.js';
import { postSendMail, type SendMailPayload } from './sendMail.js';

export type { SendMailPayload } from './sendMail.js';

export interface GraphAdapters {
  directory: Directory;
  postSendMail: (sender: string, payload: SendMailPayload) => Promise<void>;
}

/** Everything the app reads from or sends through Microsoft Graph, over one client. */
export function createGraphAdapters(config: Pick<Config, 'graphBaseUrl'>, tokens: TokenProvider, http: HttpStep): GraphAdapters {
  const client = createGraphClient(config, tokens, http);
  return {
    directory: graphDirectory(client),
    postSendMail: (sender, payload) => postSendMail(client, sender, payload),
  };
}
