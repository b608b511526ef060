import {
  approvalResultSchema,
  contributionSchema,
  moderationContributionSchema,
  type ContributionInput,
} from '@med/contracts';
import { request } from '../../api/client.ts';

/** The contributor's calls (`/api/energy/contribute`, `/contributions*`) and the moderators' ones. */

const contributionListSchema = contributionSchema.array();
const pendingListSchema = moderationContributionSchema.array();

export function submitContribution(input: ContributionInput) {
  return request('POST', '/energy/contribute', { body: input, schema: contributionSchema });
}

export function listMyContributions(signal?: AbortSignal) {
  return request('GET', '/energy/contributions', { schema: contributionListSchema, signal });
}

export function replyToContribution(id: string, message: string) {
  return request('POST', `/energy/contributions/${encodeURIComponent(id)}/reply`, {
    body: { message },
    schema: contributionSchema,
  });
}

export function listPendingContributions(signal?: AbortSignal) {
  return request('GET', '/energy/contributions/pending', { schema: pendingListSchema, signal });
}

export function approveContribution(id: string) {
  return request('POST', `/energy/contributions/${encodeURIComponent(id)}/approve`, { schema: approvalResultSchema });
}

export function rejectContribution(id: string, reason: string) {
  return request('POST', `/energy/contributions/${encodeURIComponent(id)}/reject`, {
    body: { reason: reason.trim() === '' ? null : reason },
    schema: contributionSchema,
  });
}

export function askContributor(id: string, message: string) {
  return request('POST', `/energy/contributions/${encodeURIComponent(id)}/request-info`, {
    body: { message },
    schema: contributionSchema,
  });
}
