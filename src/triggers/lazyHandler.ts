/**
 * A handler whose module is imported at its first invocation, not when the host loads the entry
 * files to index the functions: a cold start loads only what the invoked function needs (a status
 * read never loads the run, the renderer or SharePoint). A failed import is retried next time.
 */
export function lazyHandler<Args extends unknown[], Result>(load: () => Promise<(...args: Args) => Promise<Result>>): (...args: Args) => Promise<Result> {
  let loading: Promise<(...args: Args) => Promise<Result>> | undefined;
  return async (...args) => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return (await loading)(...args);
  };
}
