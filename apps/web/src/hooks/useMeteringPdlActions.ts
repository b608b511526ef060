import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Pdl } from '@med/contracts';
import { isApiError } from '../api/ApiError.ts';
import { fetchContract, linkProduction } from '../api/enedis.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { isConsentErrorCode } from '../features/consent/consentState.ts';
import { replacePdl } from '../features/pdl/pdlList.ts';

function usePdlUpdate() {
  const queryClient = useQueryClient();
  return async (updated: Pdl) => {
    queryClient.setQueryData<Pdl[]>(queryKeys.pdls, (list) => (list ? replacePdl(list, updated) : [updated]));
    await queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
  };
}

/**
 * `POST /pdl/{id}/fetch-contract`: subscribed power, off-peak hours, activation and directions, read again.
 * A consent refusal means Enedis just revoked the meter: its card and the history must show it.
 */
export function useRefreshContract() {
  const onSuccess = usePdlUpdate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => fetchContract(id),
    onSuccess,
    onError: async (error) => {
      if (isApiError(error) && isConsentErrorCode(error.code)) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
        await queryClient.invalidateQueries({ queryKey: queryKeys.consents });
      }
    },
  });
}

/** Links (or unlinks with null) the production meter of a consumption meter. */
export function useLinkProduction() {
  const onSuccess = usePdlUpdate();
  return useMutation({
    mutationFn: ({ id, productionId }: { id: string; productionId: string | null }) => linkProduction(id, productionId),
    onSuccess,
  });
}
