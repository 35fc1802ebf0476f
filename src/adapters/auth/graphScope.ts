/** The `.default` scope of the Graph cloud in GRAPH_BASE_URL: https://graph.microsoft.us/v1.0 -> https://graph.microsoft.us/.default */
export function graphScope(graphBaseUrl: string): string {
  return `${new URL(graphBaseUrl).origin}/.default`;
}
