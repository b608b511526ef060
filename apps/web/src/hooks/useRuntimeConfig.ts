import { useQuery } from '@tanstack/react-query';
import { initialRuntimeConfig, loadRuntimeConfig, type RuntimeConfig } from '../config/runtimeConfig.ts';
import { queryKeys } from '../api/queryKeys.ts';

/** Runtime config from `GET /api/config`; falls back to defaults while loading or if it fails. */
export function useRuntimeConfig(): RuntimeConfig {
  const { data } = useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => loadRuntimeConfig(signal),
    staleTime: Infinity,
    retry: 1,
  });
  return data ?? initialRuntimeConfig();
}
