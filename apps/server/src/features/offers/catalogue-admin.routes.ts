import {
  catalogueImportRequestSchema,
  catalogueImportResultSchema,
  energyOfferSchema,
  energyProviderSchema,
  messageSchema,
  offerUpdateSchema,
  providerCreateSchema,
  providerUpdateSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Guard } from '../../http/auth.ts';
import { currentUser } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { security } from '../../http/openapi.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { CatalogueAdminService } from './catalogue-admin.service.ts';

const tags = ['energy'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
/** The largest provider file of the data set (EDF) is 0.6 MB; leave room for a few years more. */
const IMPORT_BODY_LIMIT = 8 * 1024 * 1024;

/** Admin catalogue: providers and offers (reference paths) and the catalogue import. */
export function catalogueAdminRoutes(deps: { admin: CatalogueAdminService; guard: Guard }): FastifyPluginAsyncZod {
  return async (app) => {
    const { admin } = deps;
    const edits = { onRequest: deps.guard.requirePermission('offers', { writes: true }) };
    const deletions = { onRequest: deps.guard.requirePermission('offers.delete', { writes: true }) };

    app.post(
      '/providers',
      {
        ...edits,
        schema: {
          tags,
          security,
          summary: 'Admin: add a provider',
          body: providerCreateSchema,
          response: { 201: envelope(energyProviderSchema) },
        },
      },
      async (request, reply) => {
        const created = await admin.createProvider(request.body);
        void reply.status(201);
        return ok(created);
      },
    );

    app.put(
      '/providers/:id',
      {
        ...edits,
        schema: {
          tags,
          security,
          summary: 'Admin: change a provider’s name, website, logo or price-sheet URLs',
          params: idParams,
          body: providerUpdateSchema,
          response: { 200: envelope(energyProviderSchema) },
        },
      },
      async (request) => ok(await admin.updateProvider(request.params.id, request.body)),
    );

    app.delete(
      '/providers/:id',
      {
        ...deletions,
        schema: {
          tags,
          security,
          summary: 'Admin: withdraw a provider and its offers (hidden from listings, kept for history)',
          params: idParams,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await admin.withdrawProvider(request.params.id);
        return ok({ message: 'Fournisseur retiré du catalogue.' });
      },
    );

    app.put(
      '/offers/:id',
      {
        ...edits,
        schema: {
          tags,
          security,
          summary:
            'Admin: correct one record (prices as data-set keys or reference columns, validity end, wording); a new price period is an import',
          params: idParams,
          body: offerUpdateSchema,
          response: { 200: envelope(energyOfferSchema) },
        },
      },
      async (request) => ok(await admin.updateOffer(request.params.id, request.body)),
    );

    app.delete(
      '/offers/:id',
      {
        ...deletions,
        schema: {
          tags,
          security,
          summary: 'Admin: withdraw one record (hidden from listings, kept for history)',
          params: idParams,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await admin.withdrawOffer(request.params.id);
        return ok({ message: 'Offre retirée du catalogue.' });
      },
    );

    app.post(
      '/catalogue/import',
      {
        ...edits,
        bodyLimit: IMPORT_BODY_LIMIT,
        schema: {
          tags,
          security,
          summary:
            'Admin: import one provider file of the data set’s schema — dry_run (default) shows what would be created, updated and closed; dry_run=false applies it',
          body: catalogueImportRequestSchema,
          response: { 200: envelope(catalogueImportResultSchema) },
        },
      },
      async (request) => ok(await admin.importFile(currentUser(request), request.body.file, request.body.dry_run)),
    );
  };
}
