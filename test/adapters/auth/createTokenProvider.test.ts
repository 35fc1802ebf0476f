import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { createTokenProvider } from '../../../src/adapters/auth/createTokenProvider.js';
import { graphScope } from '../../../src/adapters/auth/graphScope.js';
import { sharePointScope } from '../../../src/adapters/auth/sharePointScope.js';

const HOUR = 3_600_000;

/** A credential that records each call and answers with the tokens it is given, in order. */
function recordingCredential(answers: Array<AccessToken | Error>): TokenCredential & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async getToken(scopes: string | string[], _options?: GetTokenOptions) {
      calls.push(String(scopes));
      const answer = answers[Math.min(calls.length - 1, answers.length - 1)];
      if (!answer || answer instanceof Error) throw answer ?? new Error('no answer');
      return answer;
    },
  };
}

describe('createTokenProvider', () => {
  it('uses STATIC_ACCESS_TOKEN as-is for every scope and never asks the credential', async () => {
    const credential = recordingCredential([new Error('must not be called')]);
    const tokens = createTokenProvider({ staticAccessToken: 'local-test-token' }, credential);
    await expect(tokens.getToken('https://graph.microsoft.com/.default')).resolves.toBe('local-test-token');
    await expect(tokens.getToken('https://contoso.sharepoint.com/.default')).resolves.toBe('local-test-token');
    expect(credential.calls).toEqual([]);
  });

  it('asks the credential once per scope and reuses the token until it nears expiry', async () => {
    const credential = recordingCredential([{ token: 'graph-1', expiresOnTimestamp: Date.now() + HOUR }]);
    const tokens = createTokenProvider({}, credential);
    await tokens.getToken('https://graph.microsoft.com/.default');
    await tokens.getToken('https://graph.microsoft.com/.default');
    await tokens.getToken('https://contoso.sharepoint.com/.default');
    expect(credential.calls).toEqual(['https://graph.microsoft.com/.default', 'https://contoso.sharepoint.com/.default']);
  });

  it('shares one credential call between concurrent requests for the same scope', async () => {
    const credential = recordingCredential([{ token: 't', expiresOnTimestamp: Date.now() + HOUR }]);
    const tokens = createTokenProvider({}, credential);
    const all = await Promise.all(Array.from({ length: 8 }, () => tokens.getToken('https://graph.microsoft.com/.default')));
    expect(all).toEqual(Array(8).fill('t'));
    expect(credential.calls).toHaveLength(1);
  });

  it('renews a token that expires within minutes', async () => {
    const credential = recordingCredential([
      { token: 'old', expiresOnTimestamp: Date.now() + 60_000 },
      { token: 'new', expiresOnTimestamp: Date.now() + HOUR },
    ]);
    const tokens = createTokenProvider({}, credential);
    await expect(tokens.getToken('s')).resolves.toBe('old');
    await expect(tokens.getToken('s')).resolves.toBe('new');
    await expect(tokens.getToken('s')).resolves.toBe('new');
    expect(credential.calls).toHaveLength(2);
  });

  it('names the scope when the credential fails, redacting secrets from its message, and tries again next time', async () => {
    const credential = recordingCredential([
      new Error('AADSTS7000215: invalid client_secret=abc123 provided'),
      { token: 'ok', expiresOnTimestamp: Date.now() + HOUR },
    ]);
    const tokens = createTokenProvider({}, credential);
    const error = await tokens.getToken('https://graph.microsoft.com/.default').catch((e: unknown) => e);
    expect((error as Error).message).toBe(
      'Could not get an access token for https://graph.microsoft.com/.default: AADSTS7000215: invalid client_secret=[redacted] provided',
    );
    await expect(tokens.getToken('https://graph.microsoft.com/.default')).resolves.toBe('ok');
  });
});

describe('resource scopes', () => {
  it.each([
    ['https://graph.microsoft.com/v1.0', 'https://graph.microsoft.com/.default'],
    ['https://graph.microsoft.us/v1.0', 'https://graph.microsoft.us/.default'],
    ['https://localhost:8443/v1.0', 'https://localhost:8443/.default'],
  ])('Graph %s -> %s', (url, scope) => {
    expect(graphScope(url)).toBe(scope);
  });

  it.each([
    ['https://contoso.sharepoint.com/sites/it', 'https://contoso.sharepoint.com/.default'],
    ['https://contoso.sharepoint.us/sites/it/sub', 'https://contoso.sharepoint.us/.default'],
  ])('SharePoint %s -> %s', (url, scope) => {
    expect(sharePointScope(url)).toBe(scope);
  });
});
