import { describe, expect, it } from 'vitest';
import { failureReason } from '../../src/core/failureReason.js';

describe('failureReason', () => {
  it.each([
    [{ step: 'members' as const, error: 'members: group 42 not found (deleted?)' }, 'group 42 not found (deleted?)'],
    [{ step: 'send' as const, error: 'the mailbox refused the message' }, 'the mailbox refused the message'],
    [{ error: 'render: template broken' }, 'render: template broken'],
    [{ step: 'members' as const }, '?'],
  ])('shows the reason of %o once, without repeating the step', (site, expected) => {
    expect(failureReason(site)).toBe(expected);
  });
});
