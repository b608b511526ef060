import {
  createPdlRequestSchema,
  pdlActiveRequestSchema,
  pdlContractRequestSchema,
  pdlLinkProductionRequestSchema,
  pdlNameRequestSchema,
  pdlPricingOptionRequestSchema,
  pdlReorderRequestSchema,
  pdlResponseSchema,
  pdlTypeRequestSchema,
  messageSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps.ts';
import { currentUser } from '../../http/auth.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { security } from '../../http/openapi.ts';
import { createPdlService } from './pdl.service.ts';

const tags = ['pdl'];
const idParams = z.strictObject({ id: z.string().min(1).max(64) });
const one = { 200: envelope(pdlResponseSchema) };

export function pdlRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const pdls = createPdlService(deps);
    const { guard } = deps.guard;
    // Reads an administrator may make of a user who shares their data (X-Impersonate-User-Id).
    const reads = { onRequest: guard({ impersonable: true }) };
    const writes = { onRequest: guard({ writes: true }) };

    app.get(
      '/',
      {
        ...reads,
        schema: { tags, security, summary: 'My meters', response: { 200: envelope(z.array(pdlResponseSchema)) } },
      },
      async (request) => ok(await pdls.list(currentUser(request))),
    );

    app.post(
      '/',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Add a meter (14-digit PDL)',
          body: createPdlRequestSchema,
          response: { 201: envelope(pdlResponseSchema) },
        },
      },
      async (request, reply) => {
        const created = await pdls.create(currentUser(request), request.body);
        void reply.status(201);
        return ok(created);
      },
    );

    // Static path before the parametrised ones so "reorder" is never read as an id.
    app.patch(
      '/reorder',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Reorder my meters',
          body: pdlReorderRequestSchema,
          response: { 200: envelope(z.array(pdlResponseSchema)) },
        },
      },
      async (request) => ok(await pdls.reorder(currentUser(request), request.body.pdl_orders)),
    );

    app.get(
      '/:id',
      { ...reads, schema: { tags, security, summary: 'One of my meters', params: idParams, response: one } },
      async (request) => ok(await pdls.get(currentUser(request), request.params.id)),
    );

    app.delete(
      '/:id',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Remove a meter',
          params: idParams,
          response: { 200: envelope(messageSchema) },
        },
      },
      async (request) => {
        await pdls.remove(currentUser(request), request.params.id);
        return ok({ message: 'PDL supprimé.' });
      },
    );

    app.patch(
      '/:id/name',
      {
        ...writes,
        schema: { tags, security, summary: 'Rename', params: idParams, body: pdlNameRequestSchema, response: one },
      },
      async (request) => ok(await pdls.rename(currentUser(request), request.params.id, request.body.name)),
    );

    app.patch(
      '/:id/type',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Consumption / production flags',
          params: idParams,
          body: pdlTypeRequestSchema,
          response: one,
        },
      },
      async (request) =>
        ok(
          await pdls.setType(
            currentUser(request),
            request.params.id,
            request.body.has_consumption,
            request.body.has_production,
          ),
        ),
    );

    app.patch(
      '/:id/active',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Activate or deactivate',
          params: idParams,
          body: pdlActiveRequestSchema,
          response: one,
        },
      },
      async (request) => ok(await pdls.setActive(currentUser(request), request.params.id, request.body.is_active)),
    );

    app.patch(
      '/:id/pricing-option',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Pricing option (BASE, HC_HP, TEMPO, EJP, HC_WEEKEND or null)',
          params: idParams,
          body: pdlPricingOptionRequestSchema,
          response: one,
        },
      },
      async (request) =>
        ok(await pdls.setPricingOption(currentUser(request), request.params.id, request.body.pricing_option)),
    );

    app.patch(
      '/:id/contract',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Subscribed power and off-peak hours',
          params: idParams,
          body: pdlContractRequestSchema,
          response: one,
        },
      },
      async (request) => ok(await pdls.setContract(currentUser(request), request.params.id, request.body)),
    );

    app.patch(
      '/:id/link-production',
      {
        ...writes,
        schema: {
          tags,
          security,
          summary: 'Link a production meter to this consumption meter',
          params: idParams,
          body: pdlLinkProductionRequestSchema,
          response: one,
        },
      },
      async (request) =>
        ok(await pdls.linkProduction(currentUser(request), request.params.id, request.body.linked_production_pdl_id)),
    );
  };
}
