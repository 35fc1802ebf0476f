// azd's postdeploy hook: once the code is deployed, the doctor runs ON THE APP (GET /api/report/doctor),
// with the app's own settings and managed identity: on the admin's machine that identity does not exist,
// so a local doctor could not check the permissions the monthly run will use. Never fails `azd up`.
import type { DoctorReport } from '../doctor/runDoctor.js';
import { formatDoctorReport } from '../cli/formatDoctorReport.js';
import { describeError } from '../errors.js';
import { runAz, type RunCommand } from './adminToken.js';

export interface PostdeployIo {
  env: Record<string, string | undefined>;
  print: (line: string) => void;
  /** The Azure CLI (the admin's sign-in); injectable for tests. */
  run?: RunCommand;
  fetch?: typeof fetch;
}

/** azd sets these from infra/main.bicep's outputs. */
const NEEDED = ['AZURE_FUNCTION_NAME', 'AZURE_RESOURCE_GROUP'] as const;

export async function runPostdeploy(io: PostdeployIo): Promise<number> {
  const missing = NEEDED.filter((name) => !io.env[name]?.trim());
  if (missing.length > 0) {
    io.print(`✗ ${missing.join(', ')} not set: run this hook through azd (azd deploy), which sets them from infra/`);
    return 1;
  }
  const app = ['--name', io.env['AZURE_FUNCTION_NAME']?.trim() ?? '', '--resource-group', io.env['AZURE_RESOURCE_GROUP']?.trim() ?? ''];
  const az = io.run ?? runAz;
  let url: string;
  let key: string;
  try {
    const host = (await az('az', ['functionapp', 'show', ...app, '--query', 'defaultHostName', '--output', 'tsv'])).trim();
    key = (await az('az', ['functionapp', 'keys', 'list', ...app, '--query', 'functionKeys.default', '--output', 'tsv'])).trim();
    url = `https://${host}/api/report/doctor`;
  } catch (error) {
    io.print(`Doctor: the function app's address or key could not be read with your Azure CLI sign-in (${describeError(error)}).`);
    io.print('   Call GET https://<app host>/api/report/doctor?code=<function key> once the app is up.');
    return 0;
  }
  io.print(`Doctor, on the deployed app with its own identity: GET ${url}`);
  try {
    // The key goes in the header the Functions host reads, not in the URL (which the output prints).
    const response = await (io.fetch ?? fetch)(url, { headers: { 'x-functions-key': key }, signal: AbortSignal.timeout(120_000) });
    if (response.status !== 200 && response.status !== 503) {
      io.print(`Doctor: the app answered ${response.status} (a first start can take a minute): run \`azd hooks run postdeploy\` again shortly.`);
      return 0;
    }
    io.print(formatDoctorReport((await response.json()) as DoctorReport));
  } catch (error) {
    io.print(`Doctor: the app did not answer (${describeError(error)}): run \`azd hooks run postdeploy\` again shortly.`);
  }
  return 0;
}
