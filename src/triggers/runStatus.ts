import type { TextStore } from '../ports.js';
import type { RunResult } from '../types.js';

/** What IT reads at GET /api/report/runs/{runId} while a queued run goes on and after it ends. */
export interface RunStatus {
  runId: string;
  state: 'queued' | 'running' | 'done' | 'refused' | 'failed';
  requestedAt: string;
  request: { siteCodes: string[]; dryRun: boolean; force: boolean };
  updatedAt: string;
  result?: RunResult;
  error?: string;
}

const keyOf = (runId: string) => `runs/${runId}.json`;

export async function saveRunStatus(store: TextStore, status: RunStatus): Promise<void> {
  await store.put(keyOf(status.runId), JSON.stringify(status));
}

export async function loadRunStatus(store: TextStore, runId: string): Promise<RunStatus | undefined> {
  const text = await store.get(keyOf(runId));
  return text === undefined ? undefined : (JSON.parse(text) as RunStatus);
}

/** Run ids are UUIDs we generate; anything else is refused before it reaches the store. */
export const RUN_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
