import { useQuery } from '@tanstack/react-query';
import { getConsumptionFrance, getCurrentConsumption, getGenerationMix, rteKeys } from '../api/rte.ts';
import { refreshInterval } from '../features/rte/refresh.ts';

/** National consumption (realised and forecasts), yesterday to tomorrow. */
export function useConsumptionFrance() {
  return useQuery({
    queryKey: rteKeys.consumption,
    queryFn: ({ signal }) => getConsumptionFrance(signal),
    refetchInterval: (query) =>
      refreshInterval(query.state.data?.short_term.some((entry) => entry.values.length > 0) ?? false),
  });
}

/** The latest realised national consumption (null when none in the last two hours). */
export function useCurrentConsumption() {
  return useQuery({
    queryKey: rteKeys.consumptionCurrent,
    queryFn: ({ signal }) => getCurrentConsumption(signal),
    refetchInterval: (query) => refreshInterval(query.state.data != null),
  });
}

/** Solar and wind forecasts per half-hour. */
export function useGenerationMix() {
  return useQuery({
    queryKey: rteKeys.generationMix,
    queryFn: ({ signal }) => getGenerationMix(signal),
    refetchInterval: (query) => refreshInterval((query.state.data?.mix.length ?? 0) > 0),
  });
}
