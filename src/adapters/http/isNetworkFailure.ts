/**
 * True for a fetch that failed without an HTTP answer (connection refused or reset, DNS...):
 * fetch reports those as a TypeError. Our own TimeoutError is not one of them.
 */
export function isNetworkFailure(error: unknown): boolean {
  return error instanceof TypeError && (error.cause !== undefined || /fetch/i.test(error.message));
}
