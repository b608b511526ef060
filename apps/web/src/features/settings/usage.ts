/** Share of the daily quota used, clamped to [0, 1]; `null` when there is no limit to compare with. */
export function usageRatio(used: number, limit: number | null): number | null {
  if (limit === null) {
    return null;
  }
  if (limit <= 0) {
    return 1;
  }
  return Math.min(1, Math.max(0, used / limit));
}
