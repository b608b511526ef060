/** RTE data changes every 15 minutes at most: the pages poll every 5 minutes. */
export const RTE_REFRESH_MS = 5 * 60_000;
/** While the server has nothing yet (first start, the jobs are filling it), poll more often. */
export const RTE_WAITING_REFRESH_MS = 20_000;

/** `refetchInterval` of an RTE query: quicker while the answer holds nothing to show. */
export function refreshInterval(hasData: boolean): number {
  return hasData ? RTE_REFRESH_MS : RTE_WAITING_REFRESH_MS;
}
