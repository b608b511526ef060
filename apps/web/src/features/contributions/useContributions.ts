import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  approveContribution,
  askContributor,
  listMyContributions,
  listPendingContributions,
  rejectContribution,
  replyToContribution,
  submitContribution,
} from './contributions.api.ts';

export const contributionKeys = {
  mine: ['contributions', 'mine'] as const,
  pending: ['contributions', 'pending'] as const,
};

export function useMyContributions() {
  return useQuery({ queryKey: contributionKeys.mine, queryFn: ({ signal }) => listMyContributions(signal) });
}

export function useSubmitContribution() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitContribution,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contributionKeys.mine }),
  });
}

export function useReply() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, message }: { id: string; message: string }) => replyToContribution(id, message),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: contributionKeys.mine }),
  });
}

export function usePendingContributions() {
  return useQuery({ queryKey: contributionKeys.pending, queryFn: ({ signal }) => listPendingContributions(signal) });
}

/** Approve, reject or ask: each changes the queue; an approval also changes the public catalogue. */
export function useModeration() {
  const queryClient = useQueryClient();
  const settle = async () => {
    await queryClient.invalidateQueries({ queryKey: contributionKeys.pending });
    await queryClient.invalidateQueries({ queryKey: ['energy'] });
  };
  return {
    approve: useMutation({ mutationFn: approveContribution, onSuccess: settle }),
    reject: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }) => rejectContribution(id, reason),
      onSuccess: settle,
    }),
    ask: useMutation({
      mutationFn: ({ id, message }: { id: string; message: string }) => askContributor(id, message),
      onSuccess: settle,
    }),
  };
}
