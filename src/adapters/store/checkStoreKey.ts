/**
 * Throws unless `key` is a relative "a/b/c.json" key: no empty segment, no segment starting
 * with "." (so no "." or "..", and no clash with the local store's hidden temp and lock
 * files), no backslash, no control character. Both stores apply it, so a key that works
 * locally works in Blob Storage, and no key can reach outside the local state folder.
 */
export function checkStoreKey(key: string): string[] {
  const problem =
    typeof key !== 'string' || key.length === 0
      ? 'it is empty'
      : key.length > 1024
        ? 'it is longer than 1024 characters'
        : /[\u0000-\u001f\u007f\\]/.test(key)
          ? 'it holds a backslash or a control character'
          : key.split('/').some((segment) => segment === '' || segment.startsWith('.'))
            ? 'it must be relative, with no empty segment and no segment starting with "." (such as "..")'
            : undefined;
  if (problem) throw new Error(`Invalid store key "${String(key).slice(0, 200)}": ${problem}`);
  return key.split('/');
}
