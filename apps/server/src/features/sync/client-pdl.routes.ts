import { ErrorCode, pdlResponseSchema, selectedOfferRequestSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { notFound } from '../../http/app-error.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { checkSelectableOffer } from '../offers/offers.service.ts';
import { findMeter, listMeters, selectMeterOffer } from './client-meters.repository.ts';

/**
 * `GET /api/pdl` in client mode: the household's meters as the gateway last listed them (kept by the sync),
 * in the gateway's order and shape, so the web app's data pages and meter pickers work unchanged. Meters are
 * added, renamed and ordered on the gateway; the offer a meter is billed with is chosen here, from the local
 * catalogue (synced from the gateway), and kept locally (`PATCH /{id}/selected-offer`, the gateway's path).
 */
export function clientPdlRoutes(deps: { db: Db; now?: () => Date }): FastifyPluginAsyncZod {
  const now = deps.now ?? (() => new Date());
  return async (app) => {
    app.get(
      '/',
      {
        schema: {
          tags: ['sync'],
          summary: 'The household’s meters, from the local store (client mode)',
          response: { 200: envelope(z.array(pdlResponseSchema)) },
        },
      },
      async () => {
        const meters = (await listMeters(deps.db)).map((meter) => meter.pdl);
        // The gateway's order (display_order; unordered meters last, by PRM) is what its web app shows.
        const rank = (order: number | null) => order ?? Number.MAX_SAFE_INTEGER;
        return ok(meters.sort((a, b) => rank(a.display_order) - rank(b.display_order)));
      },
    );

    app.patch(
      '/:id/selected-offer',
      {
        schema: {
          tags: ['pdl'],
          summary: 'Choose the offer a meter is billed with, from the local catalogue (null clears it; client mode)',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: selectedOfferRequestSchema,
          response: { 200: envelope(pdlResponseSchema) },
        },
      },
      async (request) => {
        // The gateway's meter id or its PRM: the web app sends the former, scripts often the latter.
        const meter = (await listMeters(deps.db)).find(
          (candidate) => candidate.pdl.id === request.params.id || candidate.usagePointId === request.params.id,
        );
        if (!meter) {
          throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable sur ce client.');
        }
        const offerId = request.body.selected_offer_id;
        if (offerId !== null) {
          await checkSelectableOffer(deps.db, offerId, meter.pdl.subscribed_power);
        }
        await selectMeterOffer(deps.db, meter.usagePointId, offerId, now());
        const updated = await findMeter(deps.db, meter.usagePointId);
        return ok(updated?.pdl ?? meter.pdl);
      },
    );
  };
}
