import { describe, expect, it } from 'vitest';
import { lazyHandler } from '../../src/triggers/lazyHandler.js';

describe('lazyHandler', () => {
  it('loads the handler at the first invocation only, then reuses it', async () => {
    let loads = 0;
    const handler = lazyHandler(async () => {
      loads += 1;
      return async (name: string) => `hello ${name}`;
    });
    expect(loads).toBe(0);
    expect(await handler('SIEGE')).toBe('hello SIEGE');
    expect(await handler('APF')).toBe('hello APF');
    expect(loads).toBe(1);
  });

  it('fails the invocation when the module cannot be loaded, and tries again at the next one', async () => {
    let loads = 0;
    const handler = lazyHandler(async () => {
      loads += 1;
      if (loads === 1) throw new Error('Cannot find module');
      return async () => 'ok';
    });
    await expect(handler()).rejects.toThrow('Cannot find module');
    expect(await handler()).toBe('ok');
  });
});
