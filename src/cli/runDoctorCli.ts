import { parseArgs } from 'node:util';
import type { Env } from '../config/parseConfig.js';
import { createDoctorContext, type DoctorWiring } from '../doctor/doctorContext.js';
import { runDoctor } from '../doctor/runDoctor.js';
import { formatDoctorReport } from './formatDoctorReport.js';

export const DOCTOR_USAGE = `Usage: npm run doctor -- [--json]

Checks, read-only, what a first real run needs: settings, identity and permissions, Graph,
SharePoint lists and columns, the sender mailbox, storage and the schedule.

  --json   print the checks as JSON ({ ok, checkedAt, results: [{ id, status, title, detail, fix }] })

Exit codes: 0 a real run can succeed (warnings allowed), 1 a check failed, 2 bad arguments.`;

interface DoctorIo {
  out(text: string): void;
  err(text: string): void;
}

/** `npm run doctor`: runs every check with the run's settings (environment variables), prints, returns the exit code. */
export async function runDoctorCli(argv: readonly string[], env: Env, io: DoctorIo, wiring: DoctorWiring = {}): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  const report = await runDoctor(createDoctorContext(env, wiring));
  io.out(values.json ? JSON.stringify(report, null, 2) : formatDoctorReport(report));
  return report.ok ? 0 : 1;
}
