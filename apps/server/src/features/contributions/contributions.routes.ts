import {
  contributionBatchSchema,
  contributionInputSchema,
  contributionMessageInputSchema,
  contributionSchema,
  messageSchema,
  unreadCountSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { currentUser } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { ContributionsService } from './contributions.service.ts';

const tags = ['energy'];
export const contributionIdParams = z.strictObject({ id: z.string().min(1).max(64) });

/** The contributor's routes (reference paths under /api/energy); the demo account only reads. */
export function contributionsRoutes(deps: {
  contributions: ContributionsService;
  guard: Guard;
}): FastifyPluginAsyncZod {
  return async (app) => {
    const { contributions } = deps;
    const reads = { onRequest: deps.guard.guard() };
    const writes = { onRequest: deps.guard.guard({ writes: true }) };

    app.post(
      '/contribute',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Propose a new offer, a new provider or a price change (with its price sheet), for moderation',
          body: contributionInputSchema,
          response: { 201: envelope(contributionSchema) },
        },
      },
      async (request, reply) => {
        const created = await contributions.submit(currentUser(request), request.body);
        void reply.status(201);
        return ok(created);
      },
    );

    app.post(
      '/contribute/batch',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Propose several contributions at once (all accepted or none); moderators may approve them at once',
          body: contributionBatchSchema,
          response: { 201: envelope(z.array(contributionSchema)) },
        },
      },
      async (request, reply) => {
        const created = await contributions.submitBatch(currentUser(request), request.body);
        void reply.status(201);
        return ok(created);
      },
    );

    app.get(
      '/contributions',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'My contributions with their moderation messages',
          response: { 200: envelope(z.array(contributionSchema)) },
        },
      },
      async (request) => ok(await contributions.list(currentUser(request))),
    );

    app.get(
      '/contributions/unread-count',
      {
        ...reads,
        schema: {
          tags,
          security,
          summary: 'How many of my contributions have a moderator question waiting for me',
          response: { 200: envelope(unreadCountSchema) },
        },
      },
      async (request) => ok({ unread_count: await contributions.unreadCount(currentUser(request)) }),
    );

    app.put(
      '/contributions/:id',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Edit my pending or rejected contribution (a rejected one goes back to moderation)',
          params: contributionIdParams,
          body: contributionInputSchema,
          response: { 200: envelope(contributionSchema) },
        },
      },
      async (request) => ok(await contributions.update(currentUser(request), request.params.id, request.body)),
    );

    app.delete(
      '/contributions/:id',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Withdraw my pending or rejected contribution',
          params: contributionIdParams,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await contributions.remove(currentUser(request), request.params.id);
        return ok({ message: 'Contribution supprimée.' });
      },
    );

    app.post(
      '/contributions/:id/reply',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Answer a moderator’s question about my pending contribution',
          params: contributionIdParams,
          body: contributionMessageInputSchema,
          response: { 200: envelope(contributionSchema) },
        },
      },
      async (request) => ok(await contributions.reply(currentUser(request), request.params.id, request.body.message)),
    );
  };
}
