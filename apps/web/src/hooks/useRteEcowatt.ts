import { useQuery } from '@tanstack/react-query';
import { getEcowattForecast, getEcowattStatistics, rteKeys } from '../api/rte.ts';
import { refreshInterval } from '../features/rte/refresh.ts';

/** Today's EcoWatt signal and the next three days (RTE publishes D..D+3). */
export function useEcowattForecast() {
  return useQuery({
    queryKey: rteKeys.ecowattForecast,
    queryFn: ({ signal }) => getEcowattForecast(4, signal),
    refetchInterval: (query) => refreshInterval((query.state.data?.length ?? 0) > 0),
  });
}

/** Green, orange and red days of a year among the days the server knows. */
export function useEcowattStatistics(year: number) {
  return useQuery({
    queryKey: rteKeys.ecowattStatistics(year),
    queryFn: ({ signal }) => getEcowattStatistics(year, signal),
    refetchInterval: (query) => refreshInterval((query.state.data?.total_days ?? 0) > 0),
  });
}
