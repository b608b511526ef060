import { useQuery } from '@tanstack/react-query';
import { getTempoDays, getTempoForecast, getTempoToday, rteKeys } from '../api/rte.ts';
import { refreshInterval } from '../features/rte/refresh.ts';
import { seasonHasData, seasonRange } from '../features/rte/tempo.ts';

/** Forecast cards: today + the next five days (the server's maximum is six). */
export const TEMPO_FORECAST_DAYS = 6;

/** Today's and tomorrow's colours, and the colour billed right now. */
export function useTempoToday() {
  return useQuery({
    queryKey: rteKeys.tempoToday,
    queryFn: ({ signal }) => getTempoToday(signal),
    refetchInterval: (query) => refreshInterval(query.state.data?.color != null),
  });
}

/** Season counters and the forecast of the next days. */
export function useTempoForecast() {
  return useQuery({
    queryKey: rteKeys.tempoForecast,
    queryFn: ({ signal }) => getTempoForecast(TEMPO_FORECAST_DAYS, signal),
    refetchInterval: (query) =>
      refreshInterval(query.state.data ? seasonHasData(query.state.data.season_stats) : false),
  });
}

/** Published colours of a whole season. */
export function useTempoSeason(season: string, current: boolean) {
  return useQuery({
    queryKey: rteKeys.tempoSeason(season),
    queryFn: ({ signal }) => getTempoDays(seasonRange(season), signal),
    // A past season no longer changes; the current one gains a day each morning.
    staleTime: current ? 30_000 : Infinity,
    refetchInterval: (query) => (current ? refreshInterval((query.state.data?.length ?? 0) > 0) : false),
  });
}
