import {
  costsQuerySchema,
  costsResponseSchema,
  simulatorRequestSchema,
  simulatorResponseSchema,
  usagePointIdSchema,
} from '@med/contracts';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { currentUser, type AuthUser, type Guard } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import { DATASETS } from '../metering/datasets.ts';
import type { MeteringService } from '../metering/metering.service.ts';
import type { CostsService } from './costs.service.ts';
import type { ReadMetering } from './meter-consumption.ts';

const tags = ['costs'];

interface CostsRouteDeps {
  costs: CostsService;
  metering: MeteringService;
  guard: Guard;
}

/** `GET /api/costs/{usage_point_id}` and `POST /api/simulator`: the meter's consumption in euros. */
export function costsRoutes(deps: CostsRouteDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const { guard } = deps.guard;
    const { metering } = deps;

    /** The meter as the metering routes allow it (listed, on, live consent), and a reader through their path. */
    async function meterAccess(user: AuthUser, usagePointId: string, reply: FastifyReply) {
      const { pdl } = await metering.consentedMeter(user, usagePointId);
      const read: ReadMetering = (dataset, start, end) => {
        const range = { usagePointId, start, end, useCache: true };
        // Two calls, not DATASETS[dataset]: each spec keeps its own item types.
        return dataset === 'consumption_daily'
          ? metering.read(user, DATASETS.consumption_daily, range, reply)
          : metering.read(user, DATASETS.consumption_curve, range, reply);
      };
      return { pdl, read };
    }

    app.get(
      '/costs/:usage_point_id',
      {
        onRequest: guard({ impersonable: true }),
        schema: {
          tags,
          security,
          summary: 'Cost in € TTC of the consumption over [start, end) with an offer (default: the meter’s)',
          params: z.strictObject({ usage_point_id: usagePointIdSchema }),
          querystring: costsQuerySchema,
          response: { 200: envelope(costsResponseSchema) },
        },
      },
      async (request, reply) => {
        const { pdl, read } = await meterAccess(currentUser(request), request.params.usage_point_id, reply);
        const { start, end, offer_id: offerId } = request.query;
        return ok(await deps.costs.costs({ pdl, start, end, offerId, read }));
      },
    );

    app.post(
      '/simulator',
      {
        onRequest: guard(),
        schema: {
          tags,
          security,
          summary: 'Every offer available for the power, priced over [start, end) and ranked by total',
          body: simulatorRequestSchema,
          response: { 200: envelope(simulatorResponseSchema) },
        },
      },
      async (request, reply) => {
        const { usage_point_id: usagePointId, start, end, power_kva: powerKva } = request.body;
        const { pdl, read } = await meterAccess(currentUser(request), usagePointId, reply);
        const includeLowConfidence = request.body.include_low_confidence;
        return ok(await deps.costs.simulate({ pdl, start, end, powerKva, includeLowConfidence, read }));
      },
    );
  };
}
