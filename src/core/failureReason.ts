import type { SiteOutcome } from '../types.js';

/**
 * A failed site's reason without the "step: " its error starts with (the JSON keeps it), for
 * displays that name the step themselves, in the reader's language.
 */
export function failureReason(site: Pick<SiteOutcome, 'step' | 'error'>): string {
  const error = site.error ?? '?';
  const prefix = site.step === undefined ? undefined : `${site.step}: `;
  return prefix && error.startsWith(prefix) ? error.slice(prefix.length) : error;
}
