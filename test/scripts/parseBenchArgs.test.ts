import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseBenchArgs } from '../../scripts/parseBenchArgs.js';

describe('parseBenchArgs', () => {
  it("measures both tenants at 50 ms per request with the app's concurrency by default", () => {
    expect(parseBenchArgs([])).toEqual({ latencyMs: 50, verbose: false, help: false });
  });

  it.each([
    [['--latency-ms', '0'], { latencyMs: 0 }],
    [['--latency-ms=120'], { latencyMs: 120 }],
    [['--only', 'small'], { only: 'small' }],
    [['--only=large'], { only: 'large' }],
    [['--site-concurrency', '8'], { siteConcurrency: 8 }],
    [['--verbose'], { verbose: true }],
    [['--with-tests'], { withTests: true }],
    [['--skip-install'], { skipInstall: true }],
    [['-h'], { help: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseBenchArgs(argv)).toMatchObject(expected);
  });

  it.each([
    [['--latency-ms'], '--latency-ms needs a value', '--latency-ms'],
    [['--latency-ms', '--only', 'small'], '--latency-ms needs a value', '--latency-ms'],
    [['--latency-ms', 'fast'], '--latency-ms must be a whole number >= 0, got "fast"', '--latency-ms'],
    [['--latency-ms', '-5'], '--latency-ms must be a whole number >= 0, got "-5"', '--latency-ms'],
    [['--site-concurrency', '0'], '--site-concurrency must be a whole number >= 1, got "0"', '--site-concurrency'],
    [['--only', 'medium'], '--only must be small or large, got "medium"', '--only'],
    [['--verbose=yes'], 'unknown argument "--verbose=yes"', '--verbose=yes'],
    [['--latency', '50'], 'unknown argument "--latency"', '--latency'],
  ])('refuses %j, naming the argument', (argv, message, field) => {
    const attempt = () => parseBenchArgs(argv);
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(expect.objectContaining({ message, field }));
  });
});
