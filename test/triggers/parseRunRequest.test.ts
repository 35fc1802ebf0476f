import { describe, expect, it } from 'vitest';
import { parseRunRequest } from '../../src/triggers/parseRunRequest.js';
import { UsageError } from '../../src/errors.js';

const q = (s = '') => new URLSearchParams(s);

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof UsageError) return error.field;
    throw error;
  }
  return undefined;
}

describe('parseRunRequest', () => {
  it('defaults to every site, sending for real', () => {
    expect(parseRunRequest(q(), '')).toEqual({ siteCodes: [], dryRun: false, force: false });
  });

  it('reads a JSON body', () => {
    expect(parseRunRequest(q(), '{"sites":["SIEGE","APF"],"dryRun":true}')).toEqual({ siteCodes: ['SIEGE', 'APF'], dryRun: true, force: false });
  });

  it('reads the query string (the function key parameter "code" is allowed)', () => {
    expect(parseRunRequest(q('sites=SIEGE,APF&force=true&code=abc'), '')).toEqual({ siteCodes: ['SIEGE', 'APF'], dryRun: false, force: true });
  });

  it.each([
    ['{not json', 'body'],
    ['[1,2]', 'body'],
    ['{"sites":"<script>"}', 'sites'],
    ['{"sites":[42]}', 'sites'],
    ['{"dryRun":"yes"}', 'dryRun'],
    ['{"sitez":["A"]}', 'sitez'],
    [JSON.stringify({ sites: Array.from({ length: 1001 }, (_, i) => `S${i}`) }), 'sites'],
    [JSON.stringify({ sites: ['x'.repeat(70_000)] }), 'body'],
  ])('rejects %s naming the field', (body, field) => {
    expect(fieldOf(() => parseRunRequest(q(), body))).toBe(field);
  });
});
