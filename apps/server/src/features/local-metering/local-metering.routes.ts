import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import {
  meteringParams,
  meteringRangeQuery,
  meterReadingResponseSchema,
  sendMeterReading,
  useCacheFlag,
} from '../metering/metering-schemas.ts';
import type { ReadingDataset } from '../sync/sync-datasets.ts';
import type { LocalMeteringService } from './local-metering.service.ts';

const tags = ['enedis'];

/** The gateway's reading paths, the data set each one serves, and whether `use_cache` defaults to true there. */
const READING_ROUTES: { path: string; dataset: ReadingDataset; batch: boolean; summary: string }[] = [
  { path: '/consumption/daily/:pdl', dataset: 'consumption_daily', batch: false, summary: 'Daily consumption (Wh)' },
  {
    path: '/consumption/detail/:pdl',
    dataset: 'consumption_curve',
    batch: false,
    summary: 'Consumption load curve (average W per interval; dates are interval starts)',
  },
  {
    path: '/consumption/detail/batch/:pdl',
    dataset: 'consumption_curve',
    batch: true,
    summary: 'Consumption load curve over up to 2 years',
  },
  { path: '/power/:pdl', dataset: 'max_power', batch: false, summary: 'Daily maximum power (VA) and its time' },
  // The reference client's alias of /power.
  {
    path: '/consumption/max_power/:pdl',
    dataset: 'max_power',
    batch: false,
    summary: 'Daily maximum power (alias of /power)',
  },
  { path: '/production/daily/:pdl', dataset: 'production_daily', batch: false, summary: 'Daily production (Wh)' },
  {
    path: '/production/detail/:pdl',
    dataset: 'production_curve',
    batch: false,
    summary: 'Production load curve (average W per interval)',
  },
  {
    path: '/production/detail/batch/:pdl',
    dataset: 'production_curve',
    batch: true,
    summary: 'Production load curve over up to 2 years',
  },
];

/**
 * Client mode's `/api/enedis/*`: the gateway's paths, parameters and answers, served local-first. `use_cache`
 * is accepted as on the gateway; here the local store always comes first (it is the household's own copy,
 * kept forever) and only the days it lacks are asked of the gateway, with its cache on.
 */
export function localMeteringRoutes(service: LocalMeteringService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const route of READING_ROUTES) {
      app.get(
        route.path,
        {
          schema: {
            tags,
            summary: `${route.summary} — local first, missing days from the gateway`,
            params: meteringParams,
            querystring: meteringRangeQuery(route.batch),
            response: { 200: meterReadingResponseSchema },
          },
        },
        async (request, reply) =>
          sendMeterReading(
            reply,
            await service.read(route.dataset, {
              usagePointId: request.params.pdl,
              start: request.query.start,
              end: request.query.end,
            }),
          ),
      );
    }
    for (const kind of ['contract', 'address'] as const) {
      app.get(
        `/${kind}/:pdl`,
        {
          schema: {
            tags,
            summary: `Enedis ${kind} data of the meter (stored copy, else the gateway's)`,
            params: meteringParams,
            querystring: z.object({ use_cache: useCacheFlag(true) }),
            response: { 200: envelope(z.unknown()) },
          },
        },
        async (request) => ok(await service.document(kind, request.params.pdl)),
      );
    }
  };
}
