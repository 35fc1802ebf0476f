import type { Cents } from '../../types.js';
import { KNOWN_REDUNDANT_PAIRS, type KnownPair } from './knownRedundantPairs.js';
import { isOverlapException, type OverlapException } from './parseOverlapExceptions.js';
import type { RedundantLicense, SkuServicePlans } from './wasteTypes.js';

/** One license an account holds, as the redundancy rule needs it. */
export interface HeldLicense {
  skuId: string;
  /** Plans this assignment turns off (assignedLicenses / licenseAssignmentStates disabledPlans). */
  disabledPlanIds?: readonly string[];
  /** false when its assignment is in error: it then covers nothing. */
  active?: boolean;
  /** Between two licenses with the same plans, the dearer is the redundant one; null = unpriced. */
  monthlyPriceCents?: Cents | null;
}

export interface RedundancyOptions {
  /** Default KNOWN_REDUNDANT_PAIRS. */
  knownPairs?: readonly KnownPair[];
  /** Pairs held together on purpose (LICENSE_OVERLAP_EXCEPTIONS). */
  exceptions?: readonly OverlapException[];
}

/** Service plans by SKU id (lower case), built once per run. */
export type ServicePlanCatalog = ReadonlyMap<string, SkuServicePlans>;

export function indexServicePlans(skus: readonly SkuServicePlans[]): ServicePlanCatalog {
  return new Map(skus.map((sku) => [sku.skuId.toLowerCase(), sku]));
}

interface Candidate {
  skuId: string;
  skuPartNumber: string;
  /** User-applicable plans this assignment leaves on. */
  plans: ReadonlySet<string>;
  active: boolean;
  price: number;
}

function toCandidate(license: HeldLicense, catalog: ServicePlanCatalog): Candidate {
  const skuId = license.skuId.toLowerCase();
  const sku = catalog.get(skuId);
  const disabled = new Set((license.disabledPlanIds ?? []).map((id) => id.toLowerCase()));
  // Plans Graph marks appliesTo "Company" are the tenant's, not the user's: they tell nothing here.
  const plans = (sku?.servicePlans ?? []).filter((plan) => (plan.appliesTo ?? 'User').toLowerCase() === 'user' && !disabled.has(plan.servicePlanId));
  return {
    skuId,
    skuPartNumber: (sku?.skuPartNumber ?? '').toUpperCase(),
    plans: new Set(plans.map((plan) => plan.servicePlanId)),
    active: license.active !== false,
    price: license.monthlyPriceCents ?? Number.POSITIVE_INFINITY,
  };
}

/** How `cover` makes `license` redundant, or undefined. */
function coveredHow(license: Candidate, cover: Candidate, options: Required<RedundancyOptions>): RedundantLicense['source'] | undefined {
  if (license.skuId === cover.skuId || !cover.active || isOverlapException(options.exceptions, license, cover)) return undefined;
  if (license.plans.size > 0 && [...license.plans].every((plan) => cover.plans.has(plan))) return 'service-plans';
  const known = options.knownPairs.some(
    (pair) => pair.redundant.toUpperCase() === license.skuPartNumber && pair.coveredBy.toUpperCase() === cover.skuPartNumber,
  );
  return known && license.skuPartNumber !== '' ? 'known-pair' : undefined;
}

/**
 * The licenses of one account that another of its licenses makes redundant: every user-applicable
 * service plan of A is in B (after the plans each assignment disables), or (A, B) is a known
 * add-on/base pair; pairs in `exceptions` never. Each redundant license is named once, next to a
 * license that is kept: licenses that cover the most are kept first, then the larger, then the
 * cheaper, so of two licenses with the same plans the dearer is the redundant one. In held order.
 */
export function findRedundantLicenses(held: readonly HeldLicense[], catalog: ServicePlanCatalog, options: RedundancyOptions = {}): RedundantLicense[] {
  const rules = { knownPairs: options.knownPairs ?? KNOWN_REDUNDANT_PAIRS, exceptions: options.exceptions ?? [] };
  const candidates: Candidate[] = [];
  for (const license of held) {
    const candidate = toCandidate(license, catalog);
    // One SKU held twice (directly and through a group) is one license.
    if (!candidates.some((c) => c.skuId === candidate.skuId)) candidates.push(candidate);
  }
  const coverCount = new Map(candidates.map((cover) => [cover, candidates.filter((other) => coveredHow(other, cover, rules)).length]));
  const order = [...candidates].sort(
    (a, b) =>
      (coverCount.get(b) ?? 0) - (coverCount.get(a) ?? 0) ||
      b.plans.size - a.plans.size ||
      a.price - b.price ||
      a.skuPartNumber.localeCompare(b.skuPartNumber) ||
      a.skuId.localeCompare(b.skuId),
  );

  const kept: Candidate[] = [];
  const found = new Map<string, RedundantLicense>();
  for (const license of order) {
    const cover = kept.map((k) => ({ k, source: coveredHow(license, k, rules) })).find((c) => c.source);
    if (cover?.source) found.set(license.skuId, { skuId: license.skuId, coveredBySkuId: cover.k.skuId, source: cover.source });
    else kept.push(license);
  }
  return candidates.flatMap((c) => found.get(c.skuId) ?? []);
}
