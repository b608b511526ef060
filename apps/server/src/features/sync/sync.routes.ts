import {
  ErrorCode,
  syncStatusSchema,
  syncTriggerSchema,
  usagePointIdSchema,
  type SyncTriggerResponse,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../http/app-error.ts';
import { ok } from '../../http/envelope.ts';
import { eventStreams } from '../../http/event-stream.ts';
import { envelope } from '../../http/route-helpers.ts';
import { findMeter } from './client-meters.repository.ts';
import { readSyncStatus, syncResumeAt, type SyncStatusDeps } from './sync-status.ts';

const tags = ['sync'];
const params = z.strictObject({ pdl: usagePointIdSchema });
const triggerSchema = envelope(syncTriggerSchema);

/**
 * The reference's client `/api/sync/*` routes: meter list, manual triggers (the run goes on in the
 * background; progress on `/events`), status, and live progress as Server-Sent Events.
 */
export function syncRoutes(deps: SyncStatusDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const streams = eventStreams(app);

    /**
     * Starts a manual run in the background; a run already going on is joined, not doubled. While the
     * gateway's quota holds the sync back, nothing starts: asking now would only earn another 429.
     */
    const startRun = async (usagePointId?: string): Promise<SyncTriggerResponse> => {
      const wasRunning = deps.sync.running;
      const resumeAt = wasRunning ? null : await syncResumeAt(deps, deps.now?.() ?? new Date());
      if (resumeAt !== null) {
        return { started: false, running: false, deferred: true, resume_at: resumeAt };
      }
      void deps.sync
        .sync({ manual: true, ...(usagePointId ? { usagePointId } : {}) })
        .catch((error: unknown) => app.log.warn({ err: error }, 'manual sync stopped'));
      return { started: !wasRunning, running: true, deferred: false, resume_at: null };
    };

    app.post(
      '/pdl-list',
      {
        schema: {
          tags,
          summary: 'Reads the meter list from the gateway now',
          response: { 200: envelope(z.unknown()) },
        },
      },
      async () => ok(await deps.sync.syncMeters()),
    );

    app.post(
      '/trigger',
      {
        schema: {
          tags,
          summary:
            'Sync every meter now (background; progress on /api/sync/events); 200 deferred with resume_at while the gateway quota holds it',
          response: { 200: triggerSchema, 202: triggerSchema },
        },
      },
      async (_request, reply) => {
        const answer = await startRun();
        void reply.status(answer.deferred ? 200 : 202);
        return ok(answer);
      },
    );

    app.post(
      '/trigger/:pdl',
      {
        schema: {
          tags,
          summary: 'Sync one meter now (background); 200 deferred with resume_at while the gateway quota holds it',
          params,
          response: { 200: triggerSchema, 202: triggerSchema },
        },
      },
      async (request, reply) => {
        if (!(await findMeter(deps.db, request.params.pdl))) {
          throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL inconnu de la passerelle pour ce compte.');
        }
        const answer = await startRun(request.params.pdl);
        void reply.status(answer.deferred ? 200 : 202);
        return ok(answer);
      },
    );

    app.get(
      '/status',
      {
        schema: {
          tags,
          summary: 'Per meter and data set: last sync, records, oldest and newest day, errors; next run',
          response: { 200: envelope(syncStatusSchema) },
        },
      },
      async () => ok(await readSyncStatus(deps)),
    );

    app.get(
      '/status/:pdl',
      { schema: { tags, summary: 'Sync status of one meter', params, response: { 200: envelope(syncStatusSchema) } } },
      async (request) => {
        if (!(await findMeter(deps.db, request.params.pdl))) {
          throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL inconnu de la passerelle pour ce compte.');
        }
        return ok(await readSyncStatus(deps, request.params.pdl));
      },
    );

    app.get(
      '/events',
      { schema: { tags, summary: 'Live sync progress (text/event-stream: progress events, the latest one first)' } },
      async (_request, reply) => {
        const stream = streams.open(reply);
        const send = (event: unknown) => stream.send('progress', event);
        if (deps.sync.lastProgress) {
          send(deps.sync.lastProgress);
        }
        stream.onClose(deps.sync.subscribe(send));
      },
    );
  };
}
