import { ErrorCode, jobRunSchema, optionalIsoDateSchema, type JobRun } from '@med/contracts';
import { daysBetween } from '@med/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import { AppError, conflict, tooManyRequests, unprocessable } from '../../http/app-error.ts';
import type { Scheduler } from '../../jobs/scheduler.ts';
import { JobDeferred } from '../../jobs/scheduler.ts';

/**
 * An optional `YYYY-MM-DD` query parameter: the shared calendar-date type, so a malformed or impossible
 * date is a 422 INVALID_DATE_FORMAT naming the parameter; empty means "not given".
 */
export const dateParam = optionalIsoDateSchema;

/**
 * An inclusive range of Paris days from two optional, already valid, dates: defaults fill what is missing; then
 * start ≤ end and at most `maxDays` days, else 422 INVALID_DATE_RANGE.
 */
export function dateRange(
  values: { start?: string | undefined; end?: string | undefined },
  fields: { start: string; end: string },
  defaults: { start: string; end: string },
  maxDays: number,
): { start: string; end: string } {
  const start = values.start ?? defaults.start;
  const end = values.end ?? defaults.end;
  if (start > end) {
    throw unprocessable(
      ErrorCode.INVALID_DATE_RANGE,
      `${fields.start} doit être antérieure ou égale à ${fields.end}.`,
      fields.start,
    );
  }
  if (daysBetween(start, end) + 1 > maxDays) {
    throw unprocessable(ErrorCode.INVALID_DATE_RANGE, `Période limitée à ${maxDays} jours.`, fields.end);
  }
  return { start, end };
}

export const daysParam = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).describe(`Number of days (1–${max})`);

export const refreshResponse = jobRunSchema;

/**
 * Admin refresh: runs the job now through the scheduler (recorded in `job_runs`). 409 while another
 * refresh of the same job runs, 429 when the upstream's rate rule defers it, the RTE error otherwise.
 */
export async function refreshJob(scheduler: Scheduler, name: string): Promise<JobRun> {
  const result = await scheduler.runNow(name);
  if (!result) {
    throw conflict(ErrorCode.CONFLICT, 'Un rafraîchissement de ces données est déjà en cours.');
  }
  if (result.status === 'deferred' && result.error instanceof JobDeferred) {
    throw tooManyRequests(
      ErrorCode.RATE_LIMIT_EXCEEDED,
      result.detail,
      (result.error.retryAt.getTime() - Date.now()) / 1000,
    );
  }
  if (result.status !== 'success') {
    if (result.error instanceof AppError) {
      throw result.error;
    }
    throw result.error instanceof Error ? result.error : new Error(result.detail);
  }
  return {
    job: name,
    slot: result.slot,
    outcome: 'success',
    detail: result.detail,
    instance: scheduler.instance,
    started_at: result.startedAt,
    finished_at: result.finishedAt,
  };
}

/**
 * The admin refresh routes (`/api/<dataset>/refresh` and `/api/admin/rte/refresh/<dataset>`) are the
 * same route for a different job: one definition. `path` defaults to `/refresh`.
 */
export function registerRefreshRoute(
  app: Parameters<FastifyPluginAsyncZod>[0],
  deps: { guard: Guard; scheduler: Scheduler },
  options: { job: string; summary: string; tags: string[]; path?: string },
): void {
  app.post(
    options.path ?? '/refresh',
    {
      onRequest: deps.guard.requirePermission('admin_dashboard', { writes: true }),
      schema: { tags: options.tags, security, summary: options.summary, response: { 200: envelope(refreshResponse) } },
    },
    async () => ok(await refreshJob(deps.scheduler, options.job)),
  );
}
