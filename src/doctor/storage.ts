// Storage: reachable, a lease can be taken and released (on a key of the doctor's own: a run's lock
// is locks/YYYY-MM, never touched here), and this month's ledger can be read.
import { reportPeriod } from '../core/reportPeriod.js';
import { describeError } from '../errors.js';
import { createRunLedger } from '../ledger/createRunLedger.js';
import type { Lease, TextStore } from '../ports.js';
import type { DoctorContext } from './doctorContext.js';
import { result, type CheckResult } from './runDoctor.js';

/** Beside the runs' locks, so the same rights apply; no period is named like this. */
export const DOCTOR_LEASE_KEY = 'locks/doctor-check';

export async function storageChecks(ctx: DoctorContext): Promise<CheckResult[]> {
  const { config } = ctx;
  const where = config.storageConnectionString
    ? /UseDevelopmentStorage=true/i.test(config.storageConnectionString)
      ? 'Blob Storage (Azurite, UseDevelopmentStorage=true)'
      : `Blob Storage (AzureWebJobsStorage, account ${/AccountName=([^;]+)/i.exec(config.storageConnectionString)?.[1] ?? '?'})`
    : config.storageBlobServiceUri !== undefined
      ? `Blob Storage ${config.storageBlobServiceUri} (identity-based)`
      : `the local folder ${config.stateDir}/`;
  const fix =
    config.storageConnectionString || config.storageBlobServiceUri !== undefined
      ? "give the app's identity Storage Blob Data Contributor on the account (portal: Storage account > Access control (IAM) > Add role assignment), and check AzureWebJobsStorage (or __accountName / __blobServiceUri)"
      : `check that ${config.stateDir}/ can be written (STATE_DIR)`;

  let store: TextStore;
  let lease: Lease | undefined;
  try {
    store = ctx.store();
    lease = await store.tryAcquireLease(DOCTOR_LEASE_KEY, config.runLeaseSeconds);
  } catch (error) {
    return [result('storage.lease', 'fail', 'Storage', `${where}: ${describeError(error)}`, fix)];
  }
  const out: CheckResult[] = [];
  if (!lease) {
    out.push(
      result(
        'storage.lease',
        'warn',
        'Storage lease',
        `${where} is reachable; ${DOCTOR_LEASE_KEY} is held, by another doctor running now (a run's lock is locks/YYYY-MM)`,
        'run the doctor again in a minute',
      ),
    );
  } else {
    try {
      await lease.release();
      out.push(result('storage.lease', 'ok', 'Storage lease', `${where}: a lease taken and released on ${DOCTOR_LEASE_KEY} (runs lock locks/YYYY-MM)`));
    } catch (error) {
      out.push(result('storage.lease', 'fail', 'Storage lease', `${where}: taken, but not released: ${describeError(error)}`, fix));
    }
  }

  const period = reportPeriod(ctx.clock.now(), config.timeZone);
  try {
    const records = [...(await createRunLedger(store).deliveries(period)).values()];
    const byStatus = new Map<string, number>();
    for (const record of records) byStatus.set(record.status, (byStatus.get(record.status) ?? 0) + 1);
    const counts = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
    const detail = records.length === 0 ? `${period}: nothing delivered yet` : `${period}: site deliveries ${counts}`;
    out.push(result('storage.ledger', 'ok', 'Run ledger', `readable; ${detail}`));
  } catch (error) {
    out.push(result('storage.ledger', 'fail', 'Run ledger', `${period} cannot be read: ${describeError(error)}; a run sends nothing without it`, fix));
  }
  return out;
}
