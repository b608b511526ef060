import { useQuery } from '@tanstack/react-query';
import { listOffers, listProviders } from './offers.api.ts';

export const offerKeys = {
  providers: ['energy', 'providers'] as const,
  offers: (includeHistory: boolean) => ['energy', 'offers', includeHistory ? 'history' : 'current'] as const,
};

// The catalogue changes a few times a year; a page visit need not ask again.
const CATALOGUE_STALE_MS = 10 * 60_000;

export function useProviders() {
  return useQuery({
    queryKey: offerKeys.providers,
    queryFn: ({ signal }) => listProviders(signal),
    staleTime: CATALOGUE_STALE_MS,
  });
}

/** Offers in force today, or every validity period with `includeHistory`. */
export function useOffers(includeHistory: boolean, enabled = true) {
  return useQuery({
    queryKey: offerKeys.offers(includeHistory),
    queryFn: ({ signal }) => listOffers(includeHistory, signal),
    staleTime: CATALOGUE_STALE_MS,
    enabled,
  });
}
