import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import { currentUser, type AuthUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import type { Quotas } from '../quotas/quota.ts';
import { DATASETS } from './datasets.ts';
import {
  meteringParams,
  meteringRangeQuery,
  meterReadingResponseSchema,
  sendMeterReading,
  useCacheFlag,
} from './metering-schemas.ts';
import type { MeteringService, MeteringRequest, MeterReading } from './metering.service.ts';

const tags = ['enedis'];
const params = meteringParams;

type ReadFn = (user: AuthUser, request: MeteringRequest, reply: FastifyReply) => Promise<MeterReading>;

interface MeteringRouteDeps {
  metering: MeteringService;
  quotas: Quotas;
  guard: Guard;
}

/** The reference gateway's `/api/enedis/*` paths, Enedis-shaped bodies, interval starts on load curves. */
export function meteringRoutes(deps: MeteringRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const { guard } = deps.guard;
    const { metering } = deps;
    // Each entry closes over its own dataset so the generic read keeps precise types.
    const routes: { path: string; batch: boolean; summary: string; read: ReadFn }[] = [
      {
        path: '/consumption/daily/:pdl',
        batch: false,
        summary: 'Daily consumption (Wh)',
        read: (...args) => metering.read(args[0], DATASETS.consumption_daily, args[1], args[2]),
      },
      {
        path: '/consumption/detail/:pdl',
        batch: false,
        summary: 'Consumption load curve (average W per interval; dates are interval starts)',
        read: (...args) => metering.read(args[0], DATASETS.consumption_curve, args[1], args[2]),
      },
      {
        path: '/consumption/detail/batch/:pdl',
        batch: true,
        summary: 'Consumption load curve over up to 2 years (cache on by default)',
        read: (...args) => metering.read(args[0], DATASETS.consumption_curve, args[1], args[2]),
      },
      {
        path: '/power/:pdl',
        batch: false,
        summary: 'Daily maximum power (VA) and its time',
        read: (...args) => metering.read(args[0], DATASETS.max_power, args[1], args[2]),
      },
      {
        path: '/production/daily/:pdl',
        batch: false,
        summary: 'Daily production (Wh)',
        read: (...args) => metering.read(args[0], DATASETS.production_daily, args[1], args[2]),
      },
      {
        path: '/production/detail/:pdl',
        batch: false,
        summary: 'Production load curve (average W per interval)',
        read: (...args) => metering.read(args[0], DATASETS.production_curve, args[1], args[2]),
      },
      {
        path: '/production/detail/batch/:pdl',
        batch: true,
        summary: 'Production load curve over up to 2 years (cache on by default)',
        read: (...args) => metering.read(args[0], DATASETS.production_curve, args[1], args[2]),
      },
    ];

    for (const route of routes) {
      app.get(
        route.path,
        {
          onRequest: guard({ impersonable: true }),
          schema: {
            tags,
            security,
            summary: route.summary,
            params,
            querystring: meteringRangeQuery(route.batch),
            response: { 200: meterReadingResponseSchema },
          },
        },
        async (request, reply) => {
          const result = await route.read(
            currentUser(request),
            {
              usagePointId: request.params.pdl,
              start: request.query.start,
              end: request.query.end,
              useCache: request.query.use_cache,
            },
            reply,
          );
          return sendMeterReading(reply, result);
        },
      );
    }

    const customerKinds = {
      contract: 'contract',
      address: 'address',
      customer: 'identity',
      contact: 'contact',
    } as const;
    for (const [path, kind] of Object.entries(customerKinds)) {
      app.get(
        `/${path}/:pdl`,
        {
          onRequest: guard({ impersonable: true }),
          schema: {
            tags,
            security,
            summary: `Enedis ${kind} data of the meter`,
            params,
            querystring: z.object({ use_cache: useCacheFlag(false) }),
            response: { 200: envelope(z.unknown()) },
          },
        },
        async (request, reply) => {
          const user = currentUser(request);
          const access = await deps.metering.consentedMeter(user, request.params.pdl);
          const prm = access.pdl.usage_point_id;
          const cache = deps.metering.userCache(user);
          const cached = request.query.use_cache ? await cache.getDocument(kind, prm) : undefined;
          await deps.quotas.consume(user, cached === undefined ? 'no_cache' : 'cached', reply);
          if (cached !== undefined) {
            return ok(cached);
          }
          const document = await deps.metering.customerData(user, kind, access);
          await cache.setDocument(kind, prm, document);
          return ok(document);
        },
      );
    }

    app.delete(
      '/cache/:pdl',
      {
        // A write: the read-only demo account may not empty its shared cache.
        onRequest: guard({ writes: true }),
        schema: {
          tags,
          security,
          summary: 'Forget every cached day and document of this meter',
          params,
          response: { 200: envelope(z.object({ deleted_keys: z.number(), message: z.string() })) },
        },
      },
      async (request) => {
        const user = currentUser(request);
        const pdl = await deps.metering.ownedMeter(user, request.params.pdl);
        const deleted = await deps.metering.userCache(user).clearMeter(pdl.usage_point_id);
        return ok({ deleted_keys: deleted, message: 'Cache du PDL vidé.' });
      },
    );
  };
}
