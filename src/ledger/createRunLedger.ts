import { isPeriod } from '../core/reportPeriod.js';
import { RunInProgressError } from '../errors.js';
import type { Clock, DeliveryRecord, LeaseHolder, Logger, RunLedger, TextStore } from '../ports.js';
import { parseDeliveryRecord } from './parseDeliveryRecord.js';

interface RunLedgerOptions {
  /** Lease length; a crashed run blocks the period this long. Default 60 (blob leases allow 15..60). */
  leaseSeconds?: number;
  /** How often the lease is renewed while held; default a third of the lease. */
  renewEveryMs?: number;
  clock?: Clock;
  logger?: Logger;
  /** Wait between reads of the holder note; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Who holds a period's lock, so a refused run can say which run and since when. */
interface HolderNote {
  runId: string;
  startedAt: string;
  releasedAt?: string;
}

const lockKey = (period: string) => `locks/${period}`;
const noteKey = (period: string) => `locks/${period}.holder.json`;
const recordsPrefix = (period: string) => `ledger/${period}/`;
// Site codes become one key segment whatever they hold ("/" included).
const recordKey = (period: string, siteCode: string) => `${recordsPrefix(period)}${encodeURIComponent(siteCode)}.json`;

function siteCodeOf(fileStem: string): string {
  try {
    return decodeURIComponent(fileStem);
  } catch {
    return fileStem; // a file named by hand, not by record()
  }
}

/** When a refused run may try again: at once once a local holder process is gone; after expiry otherwise. */
function whenToRetry(holder: LeaseHolder | undefined | 'free', leaseSeconds: number): string {
  if (holder === 'free') return 'it has just ended: retry now';
  if (holder?.endsWith === 'process') {
    return `it runs in process ${holder.pid} on this machine: retry when it has finished (a stopped or crashed run frees the month at once)`;
  }
  if (holder?.expiresAt) {
    return `if that run has stopped, its lock${holder.host ? ` (held from ${holder.host})` : ''} lapses at ${holder.expiresAt}: retry after that`;
  }
  return `if that run has stopped, its lease lapses within ${leaseSeconds} s of its last renewal: retry after that`;
}

function checkPeriod(period: string): void {
  if (!isPeriod(period)) throw new Error(`Run ledger: period "${period}" is not a YYYY-MM month`);
}

/** The run ledger: one lock per period and one record per site delivery, in a TextStore. */
export function createRunLedger(store: TextStore, options: RunLedgerOptions = {}): RunLedger {
  const leaseSeconds = options.leaseSeconds ?? 60;
  const renewEveryMs = options.renewEveryMs ?? (leaseSeconds * 1000) / 3;
  if (!(leaseSeconds > 0) || !(renewEveryMs > 0 && renewEveryMs < leaseSeconds * 1000)) {
    throw new Error(`Run ledger: renewEveryMs (${renewEveryMs}) must be positive and shorter than the lease (${leaseSeconds} s)`);
  }
  const clock = options.clock ?? { now: () => new Date() };
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  /** The current holder's note; the winner of a race writes it just after us, so look again briefly. */
  async function currentHolder(period: string): Promise<HolderNote | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if (attempt > 0) await sleep(50);
      const note = await store
        .get(noteKey(period))
        .then((text) => (text === undefined ? undefined : (JSON.parse(text) as HolderNote)))
        .catch(() => undefined); // an unreadable note only makes the message vaguer
      if (note && typeof note.runId === 'string' && !note.releasedAt) return note;
    }
    return undefined;
  }

  return {
    async lock(period, runId) {
      checkPeriod(period);
      const lease = await store.tryAcquireLease(lockKey(period), leaseSeconds);
      if (!lease) {
        const [holder, leaseHolder] = await Promise.all([
          currentHolder(period),
          store.leaseHolder?.(lockKey(period), leaseSeconds).then(
            (found) => found ?? 'free',
            () => undefined,
          ),
        ]);
        const who = holder ? `started ${holder.startedAt} by run ${holder.runId}` : 'its start and run id are not known';
        throw new RunInProgressError(`another run for ${period} is in progress (${who}); ${whenToRetry(leaseHolder, leaseSeconds)}`);
      }
      const note: HolderNote = { runId, startedAt: clock.now().toISOString() };
      try {
        await store.put(noteKey(period), JSON.stringify(note));
      } catch (error) {
        await lease.release().catch(() => undefined);
        throw error;
      }

      let renewing: Promise<void> | undefined;
      const timer = setInterval(() => {
        renewing = lease.renew().catch((error: unknown) => {
          options.logger?.warn(`Run ledger: renewing the lock for ${period} failed: ${String(error)}`);
        });
      }, renewEveryMs);
      timer.unref(); // a forgotten release must not keep the process alive

      let released = false;
      return {
        renew: () => lease.renew(),
        async release() {
          if (released) return;
          released = true;
          clearInterval(timer);
          await renewing;
          // Marked while still held, so the note never describes the next holder as released.
          await store.put(noteKey(period), JSON.stringify({ ...note, releasedAt: clock.now().toISOString() })).catch(() => undefined);
          await lease.release();
        },
      };
    },

    async deliveries(period) {
      checkPeriod(period);
      const map = new Map<string, DeliveryRecord>();
      const keys = (await store.list(recordsPrefix(period))).filter((key) => /^[^/]+\.json$/.test(key.slice(recordsPrefix(period).length)));
      const texts = await Promise.all(keys.map((key) => store.get(key)));
      keys.forEach((key, index) => {
        const text = texts[index];
        if (text === undefined) return;
        const record = parseDeliveryRecord(text);
        if (record) {
          map.set(record.siteCode, record);
          return;
        }
        // An unreadable record may stand for a mail that went out: count it as "unknown"
        // (not re-sent, reported) rather than risk sending twice.
        const siteCode = siteCodeOf(key.slice(recordsPrefix(period).length, -'.json'.length));
        options.logger?.warn(`Run ledger: ${key} is not a delivery record; site ${siteCode} is treated as delivery unknown`);
        map.set(siteCode, { siteCode, status: 'unknown', at: '', runId: '', recipients: [] });
      });
      return map;
    },

    async record(period, record) {
      checkPeriod(period);
      if (!record.siteCode) throw new Error('Run ledger: a delivery record needs a siteCode');
      await store.put(recordKey(period, record.siteCode), JSON.stringify(record, null, 2));
    },
  };
}
