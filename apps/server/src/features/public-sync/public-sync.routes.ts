import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { RTE_JOB_NAMES } from '../rte/rte.jobs.ts';
import { refreshJob, refreshResponse } from '../rte/rte-query.ts';

const tags = ['sync'];

/** The job mirroring the gateway's offers catalogue (registered by `registerPublicSync`). */
export const OFFERS_JOB = 'offers';

/** The reference's client data sets: its path, the job that fills it, the table it fills. */
const SETS = [
  { path: 'tempo', job: RTE_JOB_NAMES.tempo, table: 'tempo_days' },
  { path: 'ecowatt', job: RTE_JOB_NAMES.ecowatt, table: 'ecowatt' },
  { path: 'consumption-france', job: RTE_JOB_NAMES.consumption, table: 'consumption_france' },
  { path: 'generation-forecast', job: RTE_JOB_NAMES.generation, table: 'generation_forecast' },
  { path: 'offers', job: OFFERS_JOB, table: 'energy_offers' },
] as const;

const setStatusSchema = z.object({
  last_sync_at: z.string().nullable(),
  record_count: z.number().int(),
  /** The latest run's error (gateway down, refused answer) while it has not succeeded since; null otherwise. */
  last_error: z.string().nullable(),
});

/**
 * The reference's `/api/sync/{set}` routes for the public data sets: `POST /{set}` syncs from the gateway in
 * the background, `POST /{set}/now` waits for it (the job's outcome, as the gateway's admin refresh answers
 * it), `GET /{set}/status` says when it last succeeded and how many rows are stored.
 */
export function publicSyncRoutes(deps: { db: Db; scheduler: Scheduler }): FastifyPluginAsyncZod {
  return async (app) => {
    for (const set of SETS) {
      app.post(
        `/${set.path}`,
        {
          schema: {
            tags,
            summary: `Sync ${set.path} from the gateway now (background)`,
            response: { 202: envelope(z.object({ started: z.boolean() })) },
          },
        },
        async (_request, reply) => {
          void deps.scheduler
            .runNow(set.job)
            .catch((error: unknown) => app.log.warn({ err: error, job: set.job }, 'public sync failed'));
          void reply.status(202);
          return ok({ started: true });
        },
      );
      app.post(
        `/${set.path}/now`,
        {
          schema: {
            tags,
            summary: `Sync ${set.path} from the gateway and wait for the outcome`,
            response: { 200: envelope(refreshResponse) },
          },
        },
        async () => ok(await refreshJob(deps.scheduler, set.job)),
      );
      app.get(
        `/${set.path}/status`,
        {
          schema: {
            tags,
            summary: `When ${set.path} was last synced, and the rows stored`,
            response: { 200: envelope(setStatusSchema) },
          },
        },
        async () => {
          const state = await deps.scheduler.repository.getState(set.job);
          const row = await deps.db
            .selectFrom(set.table)
            .select(sql<number | string>`count(*)`.as('n'))
            .executeTakeFirst();
          return ok({
            last_sync_at: state?.last_success_at ?? null,
            record_count: Number(row?.n ?? 0),
            last_error: state?.last_outcome === 'failure' ? (state.last_error ?? null) : null,
          });
        },
      );
    }
  };
}
