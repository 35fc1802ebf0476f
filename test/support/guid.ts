/** Deterministic GUIDs for test data: guid(1) = 00000000-0000-4000-8000-000000000001. */
export function guid(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}
