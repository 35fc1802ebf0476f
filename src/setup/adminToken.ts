// The admin's own sign-in for setup and the postprovision hook: the Azure CLI's token for a resource
// (`az account get-access-token --resource ...`), never the app's read-only identity.
// STATIC_ACCESS_TOKEN (local test tenants only) is used as-is, like the app does.
import { execFile } from 'node:child_process';
import { redactSecrets } from '../errors.js';

export type RunCommand = (file: string, args: readonly string[]) => Promise<string>;

export interface AdminTokens {
  /** Bearer token for `resource`: https://contoso.sharepoint.com, https://graph.microsoft.com. */
  forResource(resource: string): Promise<string>;
  /** How the admin is signed in, for the first line of output. */
  describe: string;
}

/** Runs a command (the Azure CLI) and resolves with what it printed. */
export const runAz: RunCommand = (file, args) =>
  new Promise((resolve, reject) => {
    // az is az.cmd on Windows: only a shell finds it.
    execFile(file, [...args], { shell: process.platform === 'win32', timeout: 60_000 }, (error, stdout, stderr) => {
      // ExecFileException is Error-shaped but typed through Omit<>: name it an Error for the rejection.
      const failure: Error | null = error;
      if (failure) reject(Object.assign(failure, { stderr: String(stderr) }));
      else resolve(String(stdout));
    });
  });

export function adminTokens(env: Record<string, string | undefined>, run: RunCommand = runAz): AdminTokens {
  const staticToken = env['STATIC_ACCESS_TOKEN']?.trim();
  if (staticToken) return { forResource: async () => staticToken, describe: 'STATIC_ACCESS_TOKEN (local test tenants only)' };
  const tenant = env['AZURE_TENANT_ID']?.trim();
  return {
    describe: `your Azure CLI sign-in (az login${tenant ? ` --tenant ${tenant}` : ''})`,
    async forResource(resource) {
      const args = ['account', 'get-access-token', '--resource', resource, '--query', 'accessToken', '--output', 'tsv'];
      if (tenant) args.push('--tenant', tenant);
      try {
        const token = (await run('az', args)).trim();
        if (!token) throw new Error('az printed no token');
        return token;
      } catch (error) {
        const failure = error as { code?: unknown; stderr?: string; message?: string };
        if (failure.code === 'ENOENT') {
          throw new Error('The Azure CLI (az) is not installed: install it, run `az login` as an administrator, then rerun', { cause: error });
        }
        const said = ((failure.stderr || failure.message || String(error)).trim().split('\n')[0] ?? '').replace(/\.+$/, '');
        throw new Error(`The Azure CLI gave no token for ${resource}: ${redactSecrets(said)}. Run \`az login\` as an administrator, then rerun`, {
          cause: error,
        });
      }
    },
  };
}
