// Maps a request to the "kind" the tests count and fault rules match on.
// Host-agnostic on purpose: the same tenant answers msw (fake hosts) and the
// loopback server (localhost), so only the path matters.
import { safeDecode } from './http.js';

export type RequestKind =
  | 'subscribedSkus'
  | 'groupMembers'
  | 'groups'
  | 'users'
  | 'listItems'
  | 'listFields'
  | 'sendMail'
  | 'mailMessages'
  | 'mailFolder'
  | 'directorySubscriptions'
  | 'batch'
  | 'productNames'
  | 'other';

const RULES: Array<[RegExp, RequestKind]> = [
  [/^\/v1\.0\/\$batch\/?$/i, 'batch'],
  [/^\/v1\.0\/subscribedSkus\/?$/i, 'subscribedSkus'],
  [/^\/v1\.0\/groups\/[^/]+\/(members|transitiveMembers)(\/microsoft\.graph\.user)?\/?$/i, 'groupMembers'],
  [/^\/v1\.0\/groups\/?$/i, 'groups'],
  [/^\/v1\.0\/users\/[^/]+\/sendMail\/?$/i, 'sendMail'],
  [/^\/v1\.0\/users\/[^/]+\/(mailFolders\/[^/]+\/)?messages\/?$/i, 'mailMessages'],
  [/^\/v1\.0\/users\/[^/]+\/mailFolders\/[^/]+\/?$/i, 'mailFolder'],
  [/^\/v1\.0\/directory\/subscriptions(\/[^/]+)?\/?$/i, 'directorySubscriptions'],
  [/^\/v1\.0\/users(\/[^/]+)?\/?$/i, 'users'],
  [/\/_api\/web\/lists\/getByTitle\('.*'\)\/items\/?$/i, 'listItems'],
  [/\/_api\/web\/lists\/getByTitle\('.*'\)\/fields\/?$/i, 'listFields'],
  [/^\/msdownload\/product-names\.csv$/i, 'productNames'],
];

export function classify(pathname: string): RequestKind {
  const path = safeDecode(pathname);
  for (const [pattern, kind] of RULES) if (pattern.test(path)) return kind;
  return 'other';
}
