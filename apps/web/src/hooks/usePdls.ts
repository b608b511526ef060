import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreatePdlRequest, Pdl } from '@med/contracts';
import {
  createPdl,
  deletePdl,
  listPdls,
  renamePdl,
  reorderPdls,
  setPdlActive,
  setPdlSelectedOffer,
} from '../api/pdl.ts';
import { queryKeys } from '../api/queryKeys.ts';
import { replacePdl, toReorderPayload } from '../features/pdl/pdlList.ts';

export function usePdls() {
  return useQuery({ queryKey: queryKeys.pdls, queryFn: ({ signal }) => listPdls(signal) });
}

/** Puts the server's copy of one PDL into the cached list, then refetches in the background. */
function useUpdatePdlInCache() {
  const queryClient = useQueryClient();
  return {
    queryClient,
    onSuccess: async (updated: Pdl) => {
      queryClient.setQueryData<Pdl[]>(queryKeys.pdls, (list) => (list ? replacePdl(list, updated) : [updated]));
      await queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
    },
  };
}

export function useCreatePdl() {
  const { onSuccess } = useUpdatePdlInCache();
  return useMutation({ mutationFn: (body: CreatePdlRequest) => createPdl(body), onSuccess });
}

export function useRenamePdl() {
  const { onSuccess } = useUpdatePdlInCache();
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string | null }) => renamePdl(id, name),
    onSuccess,
  });
}

export function useSetPdlActive() {
  const { onSuccess } = useUpdatePdlInCache();
  return useMutation({
    mutationFn: ({ id, isActive }: { id: string; isActive: boolean }) => setPdlActive(id, isActive),
    onSuccess,
  });
}

/** Chooses the meter's offer; the costs of that meter are priced again with it. */
export function useSetSelectedOffer() {
  const { onSuccess, queryClient } = useUpdatePdlInCache();
  return useMutation({
    mutationFn: ({ id, offerId }: { id: string; offerId: string | null }) => setPdlSelectedOffer(id, offerId),
    onSuccess: async (updated: Pdl) => {
      await Promise.all([onSuccess(updated), queryClient.invalidateQueries({ queryKey: queryKeys.costs })]);
    },
  });
}

export function useDeletePdl() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deletePdl(id),
    onSuccess: async (_result, id) => {
      queryClient.setQueryData<Pdl[]>(queryKeys.pdls, (list) => list?.filter((pdl) => pdl.id !== id));
      await queryClient.invalidateQueries({ queryKey: queryKeys.pdls });
    },
  });
}

/** Reorders optimistically (the buttons feel instant on a phone) and rolls back if the server refuses. */
export function useReorderPdls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ordered: Pdl[]) => reorderPdls(toReorderPayload(ordered)),
    onMutate: async (ordered) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.pdls });
      const previous = queryClient.getQueryData<Pdl[]>(queryKeys.pdls);
      queryClient.setQueryData<Pdl[]>(queryKeys.pdls, ordered);
      return { previous };
    },
    onError: (_error, _ordered, context) => {
      if (context?.previous) {
        queryClient.setQueryData(queryKeys.pdls, context.previous);
      }
    },
    onSuccess: (list) => {
      queryClient.setQueryData(queryKeys.pdls, list);
    },
  });
}
