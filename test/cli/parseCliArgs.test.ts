import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '../../src/cli/parseCliArgs.js';
import { UsageError } from '../../src/errors.js';

describe('parseCliArgs', () => {
  it('runs every site, sending, when given no argument', () => {
    expect(parseCliArgs([])).toEqual({ dryRun: false, force: false, json: false, help: false, siteCodes: [] });
  });

  it('reads repeated and comma-separated site codes once each', () => {
    const args = parseCliArgs(['--dry-run', '--site', 'SIEGE', '--site=APF,siege', '--json', '--force']);
    expect(args).toEqual({ dryRun: true, force: true, json: true, help: false, siteCodes: ['SIEGE', 'APF'] });
  });

  it('reads -h and --help as a request for help', () => {
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--help', '--site', 'APF'])).toMatchObject({ help: true, siteCodes: ['APF'] });
  });

  it.each([
    [['--site'], '--site'],
    [['--site', '--json'], '--site'],
    [['--site', '../etc'], '--site'],
    [['--verbose'], '--verbose'],
    [['SIEGE'], 'SIEGE'],
    [['--force=yes'], '--force=yes'],
    [['-x'], '-x'],
    [['--', '--json'], '--'],
  ])('rejects %j naming the argument', (argv, field) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    try {
      parseCliArgs(argv);
    } catch (error) {
      expect((error as UsageError).field).toBe(field);
      expect((error as UsageError).message).toContain(field === '--site' ? '--site' : field);
    }
  });
});
