import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Pdl } from '@med/contracts';
import { fetchContract, linkProduction } from '../api/enedis.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { replacePdl } from '../features/pdl/pdlList.ts';

function usePdlUpdate() {
  const queryClient = useQueryClient();
  return async (updated: Pdl) => {
    queryClient.setQueryData<Pdl[]>(queryKeys.pdls, (list) => (list ? replacePdl(list, updated) : [updated]));
    await queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
  };
}

/** `POST /pdl/{id}/fetch-contract`: subscribed power, off-peak hours, activation and directions, read again. */
export function useRefreshContract() {
  const onSuccess = usePdlUpdate();
  return useMutation({ mutationFn: (id: string) => fetchContract(id), onSuccess });
}

/** Links (or unlinks with null) the production meter of a consumption meter. */
export function useLinkProduction() {
  const onSuccess = usePdlUpdate();
  return useMutation({
    mutationFn: ({ id, productionId }: { id: string; productionId: string | null }) => linkProduction(id, productionId),
    onSuccess,
  });
}
