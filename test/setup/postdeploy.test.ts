// The postdeploy hook: the doctor runs on the deployed app (its settings, its managed identity), the
// function key travels in the x-functions-key header, and `azd up` never fails over it.
import { describe, expect, it } from 'vitest';
import type { DoctorReport } from '../../src/doctor/runDoctor.js';
import { runPostdeploy } from '../../src/setup/runPostdeploy.js';
import type { RunCommand } from '../../src/setup/adminToken.js';

const ENV = { AZURE_FUNCTION_NAME: 'func-licreport-abc', AZURE_RESOURCE_GROUP: 'rg-licreport' };
const HOST = 'func-licreport-abc.azurewebsites.net';
const KEY = 'host-key-123';

const az: RunCommand = async (_file, args) => {
  if (args.includes('show')) return `${HOST}\n`;
  if (args.includes('keys')) return `${KEY}\n`;
  throw new Error(`unexpected az ${args.join(' ')}`);
};

const report: DoctorReport = {
  ok: false,
  checkedAt: '2026-12-01T06:00:00.000Z',
  results: [
    { id: 'identity', status: 'ok', title: 'Identity', detail: 'managed identity 3b9a…' },
    {
      id: 'mail-sent-items',
      status: 'fail',
      title: 'Sent Items',
      detail: '403 ErrorAccessDenied',
      fix: 'New-ManagementRoleAssignment -App … -Role "Application Mail.Read"',
    },
  ],
};

async function hook(fetchImpl: typeof fetch, env: Record<string, string> = ENV): Promise<{ code: number; out: string; calls: Request[] }> {
  const out: string[] = [];
  const calls: Request[] = [];
  const recording: typeof fetch = async (input, init) => {
    calls.push(new Request(input, init));
    return fetchImpl(input, init);
  };
  const code = await runPostdeploy({ env, print: (line) => out.push(line), run: az, fetch: recording });
  return { code, out: out.join('\n'), calls };
}

describe('postdeploy hook', () => {
  it('prints the deployed app’s doctor report, sending the key in a header and never in the printed URL', async () => {
    const { code, out, calls } = await hook(async () => Response.json(report, { status: 503 }));
    expect(code).toBe(0);
    expect(calls.map((c) => [c.url, c.headers.get('x-functions-key')])).toEqual([[`https://${HOST}/api/report/doctor`, KEY]]);
    expect(out).toContain(`Doctor, on the deployed app with its own identity: GET https://${HOST}/api/report/doctor`);
    expect(out).toContain('✗ Sent Items: 403 ErrorAccessDenied');
    expect(out).toContain('fix: New-ManagementRoleAssignment');
    expect(out).not.toContain(KEY);
  });

  it('says to run it again when the new app is not answering yet, without failing the deployment', async () => {
    const starting = await hook(async () => new Response('Service Unavailable', { status: 502 }));
    expect(starting.code).toBe(0);
    expect(starting.out).toContain('the app answered 502 (a first start can take a minute): run `azd hooks run postdeploy` again shortly.');
    const down = await hook(async () => {
      throw new TypeError('fetch failed');
    });
    expect(down.code).toBe(0);
    expect(down.out).toContain('the app did not answer (fetch failed)');
  });

  it('needs what azd sets', async () => {
    const { code, out } = await hook(async () => Response.json(report), { AZURE_FUNCTION_NAME: 'x' });
    expect(code).toBe(1);
    expect(out).toBe('✗ AZURE_RESOURCE_GROUP not set: run this hook through azd (azd deploy), which sets them from infra/');
  });
});
