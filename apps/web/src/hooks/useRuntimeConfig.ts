import { useQuery } from '@tanstack/react-query';
import { initialRuntimeConfig, loadRuntimeConfig, type RuntimeConfig } from '../config/runtimeConfig.ts';
import { queryKeys } from '../api/queryKeys.ts';

function useRuntimeConfigQuery() {
  return useQuery({
    queryKey: queryKeys.config,
    queryFn: ({ signal }) => loadRuntimeConfig(signal),
    staleTime: Infinity,
    retry: 1,
  });
}

/** Runtime config from `GET /api/config`; falls back to defaults while loading or if it fails. */
export function useRuntimeConfig(): RuntimeConfig {
  const { data } = useRuntimeConfigQuery();
  return data ?? initialRuntimeConfig();
}

export type AppMode = 'server' | 'client';

/**
 * Whether this app is a gateway (accounts, landing, admin) or a household's local client (no accounts),
 * or `undefined` until the server said so: the two modes have different routes, so guessing would flash
 * the wrong page (or send a client to a login page it does not have). A config that cannot be read
 * falls back to the defaults (server mode), as the rest of the app does.
 */
export function useAppMode(): AppMode | undefined {
  const { data, isPending } = useRuntimeConfigQuery();
  if (isPending) {
    return initialRuntimeConfig().serverMode === false ? 'client' : undefined;
  }
  return (data ?? initialRuntimeConfig()).serverMode ? 'server' : 'client';
}
