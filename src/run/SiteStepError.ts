import type { SiteStep } from '../types.js';

/** A site failed at a known step; the message is the one the run summary shows. */
export class SiteStepError extends Error {
  override readonly name = 'SiteStepError';
  constructor(
    readonly step: SiteStep,
    reason: string,
  ) {
    super(`${step}: ${reason}`);
  }
}
