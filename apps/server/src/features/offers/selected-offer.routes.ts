import { pdlResponseSchema, selectedOfferRequestSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { currentUser } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { OffersService } from './offers.service.ts';

/** `PATCH /api/pdl/{id}/selected-offer` (the reference's path, under the meters' prefix). */
export function selectedOfferRoutes(deps: { offers: OffersService; guard: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    app.patch(
      '/:id/selected-offer',
      {
        onRequest: deps.guard.guard({ writes: true }),
        schema: {
          tags: ['pdl'],
          security,
          summary:
            'Choose the offer a meter is billed with (null clears it); it must be for the meter’s subscribed power',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: selectedOfferRequestSchema,
          response: { 200: envelope(pdlResponseSchema) },
        },
      },
      async (request) =>
        ok(await deps.offers.selectOffer(currentUser(request), request.params.id, request.body.selected_offer_id)),
    );
  };
}
