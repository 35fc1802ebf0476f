// The outbox tests trust this reader to reject broken mail; these cases show that it does.
import { describe, expect, it } from 'vitest';
import { parseEml } from './parseEml.js';

const good = [
  'To: a@b.c',
  'Content-Type: multipart/mixed; boundary="=_x"',
  '',
  '--=_x',
  'Content-Type: text/html; charset=UTF-8',
  'Content-Transfer-Encoding: base64',
  '',
  'PHA+aGk8L3A+',
  '--=_x--',
  '',
].join('\r\n');

describe('the MIME reader used by the outbox tests', () => {
  it('reads a well-formed message', () => {
    expect(parseEml(good).parts[0]?.bytes.toString()).toBe('<p>hi</p>');
  });

  it.each([
    ['a bare LF', good.replace('To: a@b.c\r\n', 'To: a@b.c\n'), /CRLF/],
    ['a line over 998 characters', good.replace('To: a@b.c', `To: ${'a'.repeat(1000)}@b.c`), /998/],
    ['no closing boundary', good.replace('--=_x--', '--=_y--'), /closing boundary/],
    ['invalid base64', good.replace('PHA+aGk8L3A+', 'PHA+a$k8L3A+'), /base64/],
    ['a header without a colon', good.replace('To: a@b.c', 'To a@b.c'), /malformed header/],
  ])('rejects %s', (_, text, message) => {
    expect(() => parseEml(text)).toThrow(message);
  });
});
