/** Site codes as IT types them: letters, digits, dot, dash, underscore; at most 64 characters. */
const SITE_CODE_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Most site codes one request may name: far more than any organisation has sites. */
export const MAX_SITE_CODES = 1000;

export function isValidSiteCode(value: string): boolean {
  return SITE_CODE_PATTERN.test(value);
}
