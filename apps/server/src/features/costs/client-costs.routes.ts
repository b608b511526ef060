import {
  costsQuerySchema,
  costsResponseSchema,
  simulatorRequestSchema,
  simulatorResponseSchema,
  usagePointIdSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { PdlRow } from '../../db/database.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { CostsService } from './costs.service.ts';
import type { ReadMetering } from './meter-consumption.ts';

const tags = ['costs'];

/** A meter of the local store and a reader of its consumption (local rows first, gaps from the gateway). */
export interface LocalMeterAccess {
  pdl: PdlRow;
  read: ReadMetering;
}

/**
 * Client mode's `GET /api/costs/{usage_point_id}` and `POST /api/simulator`: the same answers as the
 * gateway's, priced from the local store (readings, the offers catalogue synced from the gateway, Tempo
 * days). No account: `LOCAL_PASSWORD`, when set, guards them like every route; `meter` refuses a PRM
 * the household does not have (404).
 */
export function clientCostsRoutes(deps: {
  costs: CostsService;
  meter: (usagePointId: string) => Promise<LocalMeterAccess>;
}): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/costs/:usage_point_id',
      {
        schema: {
          tags,
          summary: 'Cost in € TTC of the consumption over [start, end) with an offer (default: the meter’s)',
          params: z.strictObject({ usage_point_id: usagePointIdSchema }),
          querystring: costsQuerySchema,
          response: { 200: envelope(costsResponseSchema) },
        },
      },
      async (request) => {
        const { pdl, read } = await deps.meter(request.params.usage_point_id);
        const { start, end, offer_id: offerId } = request.query;
        return ok(await deps.costs.costs({ pdl, start, end, offerId, read }));
      },
    );

    app.post(
      '/simulator',
      {
        schema: {
          tags,
          summary: 'Every offer available for the power, priced over [start, end) and ranked by total',
          body: simulatorRequestSchema,
          response: { 200: envelope(simulatorResponseSchema) },
        },
      },
      async (request) => {
        const { usage_point_id: usagePointId, start, end, power_kva: powerKva } = request.body;
        const { pdl, read } = await deps.meter(usagePointId);
        const includeLowConfidence = request.body.include_low_confidence;
        return ok(await deps.costs.simulate({ pdl, start, end, powerKva, includeLowConfidence, read }));
      },
    );
  };
}
