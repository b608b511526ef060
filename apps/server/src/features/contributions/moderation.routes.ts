import {
  approvalResultSchema,
  contributionBulkRejectSchema,
  contributionIdsSchema,
  contributionMessageInputSchema,
  contributionMessageSchema,
  contributionRejectSchema,
  contributionSchema,
  contributionStatsSchema,
  moderationContributionSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { currentUser } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import { contributionIdParams } from './contributions.routes.ts';
import type { ModerationService } from './moderation.service.ts';

const tags = ['energy'];

/** Moderation of contributions (reference paths under /api/energy, permission `contributions`). */
export function moderationRoutes(deps: { moderation: ModerationService; guard: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    const { moderation } = deps;
    const reads = { onRequest: deps.guard.requirePermission('contributions') };
    const writes = { onRequest: deps.guard.requirePermission('contributions', { writes: true }) };

    app.get(
      '/contributions/stats',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'Moderation: counts by status, approvals this month, top contributors',
          response: { 200: envelope(contributionStatsSchema) },
        },
      },
      async () => ok(await moderation.stats()),
    );

    app.get(
      '/contributions/pending',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary:
            'Moderation: pending contributions, oldest first, each with the records its approval writes beside the records in force',
          response: { 200: envelope(z.array(moderationContributionSchema)) },
        },
      },
      async () => ok(await moderation.pending()),
    );

    app.post(
      '/contributions/:id/approve',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Moderation: apply a contribution to the catalogue (history kept) and tell its contributor',
          params: contributionIdParams,
          response: { 200: envelope(approvalResultSchema) },
        },
      },
      async (request) => ok(await moderation.approveAll(currentUser(request), [request.params.id])),
    );

    app.post(
      '/contributions/:id/reject',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Moderation: reject a contribution, with a reason mailed to its contributor',
          params: contributionIdParams,
          body: contributionRejectSchema.optional(),
          response: { 200: envelope(contributionSchema) },
        },
      },
      async (request) =>
        ok(await moderation.reject(currentUser(request), request.params.id, request.body?.reason ?? null)),
    );

    app.post(
      '/contributions/:id/request-info',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Moderation: ask the contributor a question (mailed; the contribution stays pending)',
          params: contributionIdParams,
          body: contributionMessageInputSchema,
          response: { 200: envelope(contributionSchema) },
        },
      },
      async (request) =>
        ok(await moderation.requestInfo(currentUser(request), request.params.id, request.body.message)),
    );

    app.get(
      '/contributions/:id/messages',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'Moderation: the messages of a contribution, oldest first',
          params: contributionIdParams,
          response: { 200: envelope(z.array(contributionMessageSchema)) },
        },
      },
      async (request) => ok(await moderation.messages(request.params.id)),
    );

    app.post(
      '/contributions/bulk-approve',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Moderation: approve several contributions in one transaction (all applied or none)',
          body: contributionIdsSchema,
          response: { 200: envelope(approvalResultSchema) },
        },
      },
      async (request) => ok(await moderation.approveAll(currentUser(request), request.body.contribution_ids)),
    );

    app.post(
      '/contributions/bulk-reject',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Moderation: reject several contributions with one reason (all or none)',
          body: contributionBulkRejectSchema,
          response: { 200: envelope(z.array(contributionSchema)) },
        },
      },
      async (request) =>
        ok(
          await moderation.rejectAll(currentUser(request), request.body.contribution_ids, request.body.reason ?? null),
        ),
    );
  };
}
