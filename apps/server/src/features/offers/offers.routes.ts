import { energyOfferSchema, energyProviderSchema, offersQuerySchema, offerTypeInfoSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ok } from '../../http/envelope.ts';
import { notModified } from '../../http/etag.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { OffersService } from './offers.service.ts';

const tags = ['energy'];
const notModifiedResponse = { 304: z.null().describe('The copy named by If-None-Match is current') };

/** Public catalogue reads (no login, both modes), with ETags so clients revalidate cheaply. */
export function offersReadRoutes(deps: { offers: OffersService }): FastifyPluginAsyncZod {
  return async (app) => {
    const { offers } = deps;

    // `/pricing-types` is the reference's deprecated alias.
    for (const [path, deprecated] of [
      ['/offer-types', false],
      ['/pricing-types', true],
    ] as const) {
      app.get(
        path,
        {
          schema: {
            tags,
            deprecated,
            summary: 'Offer options (BASE, HC_HP, TEMPO, …) with their price fields',
            response: { 200: envelope(z.array(offerTypeInfoSchema)), ...notModifiedResponse },
          },
        },
        async (request, reply) => {
          const data = offers.offerTypes();
          return notModified(request, reply, data) ? reply.status(304).send(null) : ok(data);
        },
      );
    }

    app.get(
      '/providers',
      {
        schema: {
          tags,
          summary: 'Active providers',
          response: { 200: envelope(z.array(energyProviderSchema)), ...notModifiedResponse },
        },
      },
      async (request, reply) => {
        const data = await offers.providers();
        return notModified(request, reply, data) ? reply.status(304).send(null) : ok(data);
      },
    );

    app.get(
      '/offers',
      {
        schema: {
          tags,
          summary:
            'Offers: one record per option × power × validity period; by default those in force today, with include_history every period (price history)',
          querystring: offersQuerySchema,
          response: { 200: envelope(z.array(energyOfferSchema)), ...notModifiedResponse },
        },
      },
      async (request, reply) => {
        const data = await offers.offers({
          providerId: request.query.provider_id,
          includeHistory: request.query.include_history,
        });
        return notModified(request, reply, data) ? reply.status(304).send(null) : ok(data);
      },
    );
  };
}
