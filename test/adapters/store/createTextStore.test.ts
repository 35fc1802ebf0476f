import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTextStore } from '../../../src/adapters/store/createTextStore.js';

describe('createTextStore', () => {
  it('uses the local STATE_DIR folder when no storage connection string is set', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'state-'));
    try {
      await createTextStore({ stateDir: dir, storageConnectionString: undefined }).put('runs/r.json', '{}');
      expect(await readFile(path.join(dir, 'runs', 'r.json'), 'utf8')).toBe('{}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('uses Blob Storage when AzureWebJobsStorage is set', () => {
    // A malformed connection string is refused by the blob store, and only by it.
    expect(() => createTextStore({ stateDir: tmpdir(), storageConnectionString: 'AccountKey=s3cr3t;nonsense' })).toThrow(
      /^Blob storage: the storage connection string \(AzureWebJobsStorage\) is not valid$/,
    );
  });
});
