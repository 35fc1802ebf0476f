/**
 * How many lines each list of a mail may show so that all of them together stay within `total`
 * (the body must stay under Gmail's clipping size whatever the month brings), each list at most
 * `perList`. Fair: short lists are shown whole, the long ones share what is left equally.
 */
export function allotLines(sizes: readonly number[], total: number, perList: number): number[] {
  const fits = (cap: number) => sizes.reduce((sum, size) => sum + Math.min(size, cap), 0) <= total;
  let cap = Math.max(0, Math.min(perList, total));
  while (cap > 0 && !fits(cap)) cap--;
  return sizes.map((size) => Math.min(size, cap));
}
