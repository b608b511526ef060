import { useMutation, useQuery } from '@tanstack/react-query';
import { getAuthorizeUrl } from '../../api/enedis.ts';
import { queryKeys } from '../../api/queryKeys.ts';
import { listConsents } from './consent.api.ts';

/** The account's consent history (see `groupConsentVisits` to show it by visit). */
export function useConsentHistory() {
  return useQuery({ queryKey: queryKeys.consents, queryFn: ({ signal }) => listConsents(signal) });
}

/**
 * Gives or renews consent: asks the server for a single-use consent URL and leaves for Enedis, which
 * sends the browser back to `/api/oauth/callback` and then to the dashboard with the result.
 */
export function useStartConsent() {
  const start = useMutation({
    mutationFn: getAuthorizeUrl,
    onSuccess: ({ authorize_url }) => window.location.assign(authorize_url),
  });
  return { ...start, leaving: start.isPending || start.isSuccess };
}
