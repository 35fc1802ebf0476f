import { RunInProgressError } from '../../src/errors.js';
import type { DeliveryRecord, RunLedger } from '../../src/ports.js';

export interface FakeLedger extends RunLedger {
  /** Deliveries by period, then by site code. */
  store: Map<string, Map<string, DeliveryRecord>>;
  /** Periods whose lock is held, with the holder's run id. */
  held: Map<string, string>;
  releases: number;
  failRecord?: Error | undefined;
  /** With failRecord: only the records it matches fail (the 'sent' after the intent, say). */
  failRecordIf?: (record: DeliveryRecord) => boolean;
  failDeliveries?: Error;
}

export function createFakeLedger(): FakeLedger {
  const fake: FakeLedger = {
    store: new Map(),
    held: new Map(),
    releases: 0,
    async lock(period, runId) {
      const holder = fake.held.get(period);
      if (holder) throw new RunInProgressError(`run ${holder} is already running for ${period}`);
      fake.held.set(period, runId);
      return {
        renew: async () => undefined,
        release: async () => {
          fake.releases += 1;
          fake.held.delete(period);
        },
      };
    },
    async deliveries(period) {
      if (fake.failDeliveries) throw fake.failDeliveries;
      return new Map(fake.store.get(period) ?? []);
    },
    async record(period, record) {
      if (fake.failRecord && (fake.failRecordIf?.(record) ?? true)) throw fake.failRecord;
      const byCode = fake.store.get(period) ?? new Map<string, DeliveryRecord>();
      byCode.set(record.siteCode, record);
      fake.store.set(period, byCode);
    },
  };
  return fake;
}
