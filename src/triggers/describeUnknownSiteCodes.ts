import type { SiteCodeCheck } from './findUnknownSiteCodes.js';

/** 'site code "NOPE" is not an active row of the sites list; known codes: SIEGE, APF' */
export function describeUnknownSiteCodes({ unknown, known }: SiteCodeCheck): string {
  const quoted = unknown.map((code) => `"${code}"`).join(', ');
  const subject = unknown.length === 1 ? `site code ${quoted} is` : `site codes ${quoted} are`;
  const knownText = known.length > 0 ? known.join(', ') : 'none (the sites list has no active, valid row)';
  return `${subject} not an active, valid row of the sites list; known codes: ${knownText}`;
}
