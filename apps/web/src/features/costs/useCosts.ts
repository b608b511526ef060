import { useQueries, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/queryKeys.ts';
import { getCosts } from './costs.api.ts';
import type { CostPeriod } from './costView.ts';

const costKey = (usagePointId: string, period: CostPeriod) =>
  [...queryKeys.costs, usagePointId, period.start, period.end] as const;

/** The meter's cost over a period with its selected offer (priced again when the offer changes). */
export function useCosts(usagePointId: string, period: CostPeriod) {
  return useQuery({
    queryKey: costKey(usagePointId, period),
    queryFn: ({ signal }) => getCosts(usagePointId, period, signal),
    // A 4xx (no offer, no data, consent) will not change by asking again.
    retry: false,
  });
}

/** One cost per calendar year, for the year-by-year figures. */
export function useYearCosts(usagePointId: string, years: readonly CostPeriod[]) {
  return useQueries({
    queries: years.map((period) => ({
      queryKey: costKey(usagePointId, period),
      queryFn: ({ signal }: { signal: AbortSignal }) => getCosts(usagePointId, period, signal),
      retry: false,
    })),
  });
}
