import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../src/render/createFormatters.js';
import { ctxFor } from './fixtures.js';

// Expected strings are Intl's exact output: fr-FR puts U+00A0 before "€" and U+202F between thousands.
const fr = createFormatters(ctxFor('fr-FR'));
const en = createFormatters(ctxFor('en-US', { currency: 'EUR', timeZone: 'Europe/Paris' }));

describe('createFormatters', () => {
  it.each([
    [630, '6,30\u00a0€', '€6.30'],
    [0, '0,00\u00a0€', '€0.00'],
    [123_450, '1\u202f234,50\u00a0€', '€1,234.50'],
  ])('formats %i cents as money in each locale', (cents, french, english) => {
    expect(fr.money(cents)).toBe(french);
    expect(en.money(cents)).toBe(english);
  });

  it.each([
    [630, '6,30', '6.30'],
    [5, '0,05', '0.05'],
    [123_456_789, '1234567,89', '1234567.89'],
  ])('writes %i cents as a plain CSV number without grouping or symbol', (cents, french, english) => {
    expect(fr.plainAmount(cents)).toBe(french);
    expect(en.plainAmount(cents)).toBe(english);
  });

  it('shows the run date in the configured time zone', () => {
    const at = new Date('2026-01-01T05:00:00Z');
    expect(fr.dateTime(at)).toBe('1 janv. 2026 à 06:00');
    expect(en.dateTime(at)).toBe('Jan 1, 2026, 6:00 AM');
    const newYork = createFormatters(ctxFor('en-US'));
    expect(newYork.dateTime(at)).toBe('Jan 1, 2026, 12:00 AM');
  });

  it.each([
    [630, '+6,30\u00a0€', '+€6.30'],
    [-630, '-6,30\u00a0€', '-€6.30'],
    [0, '0,00\u00a0€', '€0.00'],
  ])('shows a difference of %i cents with its sign', (cents, french, english) => {
    expect(fr.signedMoney(cents)).toBe(french);
    expect(en.signedMoney(cents)).toBe(english);
  });

  it('shows a day in the configured time zone', () => {
    // 23:30 UTC on 31 August is already 1 September in Paris.
    const at = new Date('2025-08-31T23:30:00Z');
    expect(fr.date(at)).toBe('1 sept. 2025');
    expect(en.date(at)).toBe('Sep 1, 2025');
  });

  it('names the report month', () => {
    expect(fr.month('2026-01')).toBe('janvier 2026');
    expect(en.month('2026-01')).toBe('January 2026');
    expect(fr.month('2026-11')).toBe('novembre 2026');
  });

  it('rejects a period that is not YYYY-MM', () => {
    expect(() => fr.month('2026-1')).toThrow(/2026-1.*YYYY-MM/);
  });

  it.each([
    [0, '< 0,1\u00a0s', '< 0.1\u00a0s'],
    [412, '0,4\u00a0s', '0.4\u00a0s'],
    [4_400, '4,4\u00a0s', '4.4\u00a0s'],
    [12_300, '12\u00a0s', '12\u00a0s'],
    [132_400, '2\u00a0min 12\u00a0s', '2\u00a0min 12\u00a0s'],
    [3_600_000 * 26 + 61_000, '26\u00a0h 01\u00a0min', '26\u00a0h 01\u00a0min'],
  ])('reads %i ms as a person would say it, a second or less included', (ms, french, english) => {
    expect(fr.duration(ms)).toBe(french);
    expect(en.duration(ms)).toBe(english);
  });

  it('groups counts the local way', () => {
    expect(fr.count(5000)).toBe('5\u202f000');
    expect(en.count(5000)).toBe('5,000');
  });
});
