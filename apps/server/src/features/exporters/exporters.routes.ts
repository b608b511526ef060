import {
  createExporterRequestSchema,
  exporterReadBackSchema,
  exporterSchema,
  exporterTestResultSchema,
  exportRunReportSchema,
  updateExporterRequestSchema,
} from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import type { ExportersService } from './exporters.service.ts';

const tags = ['export'];
const params = z.strictObject({ id: z.uuid() });

/**
 * The reference's client `/api/export/configs` routes: CRUD (secrets write-only), connection test, run
 * now, and read-back of what is at the destination.
 */
export function exportersRoutes(service: ExportersService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/configs',
      {
        schema: {
          tags,
          summary: 'Exporters, with their last run and next run',
          response: { 200: envelope(z.array(exporterSchema)) },
        },
      },
      async () => ok(await service.list()),
    );

    app.post(
      '/configs',
      {
        schema: {
          tags,
          summary: 'Adds an exporter (passwords and tokens are write-only)',
          body: createExporterRequestSchema,
          response: { 201: envelope(exporterSchema) },
        },
      },
      async (request, reply) => {
        void reply.status(201);
        return ok(await service.create(request.body));
      },
    );

    app.get(
      '/configs/:id',
      { schema: { tags, summary: 'One exporter', params, response: { 200: envelope(exporterSchema) } } },
      async (request) => ok(await service.get(request.params.id)),
    );

    app.put(
      '/configs/:id',
      {
        schema: {
          tags,
          summary:
            'Changes an exporter; `config` is merged over the stored one, absent secrets are kept, null clears one',
          params,
          body: updateExporterRequestSchema,
          response: { 200: envelope(exporterSchema) },
        },
      },
      async (request) => ok(await service.update(request.params.id, request.body)),
    );

    app.delete(
      '/configs/:id',
      {
        schema: {
          tags,
          summary: 'Deletes an exporter after clearing what the destination keeps of it (retained discovery configs)',
          params,
          response: {
            200: envelope(z.object({ deleted: z.boolean(), destination_cleared: z.boolean(), message: z.string() })),
          },
        },
      },
      async (request) => ok(await service.remove(request.params.id)),
    );

    app.post(
      '/configs/:id/test',
      {
        schema: {
          tags,
          summary: 'Connects to the destination without writing; a refusal is `success: false`',
          params,
          response: { 200: envelope(exporterTestResultSchema) },
        },
      },
      async (request) => ok(await service.test(request.params.id)),
    );

    app.post(
      '/configs/:id/run',
      {
        schema: {
          tags,
          summary: 'Exports now and answers with what was written (or why it failed)',
          params,
          response: { 200: envelope(exportRunReportSchema) },
        },
      },
      async (request) => ok(await service.run(request.params.id)),
    );

    app.get(
      '/configs/:id/metrics',
      {
        schema: {
          tags,
          summary: 'Reads back what is at the destination now',
          params,
          response: { 200: envelope(exporterReadBackSchema) },
        },
      },
      async (request) => ok(await service.readBack(request.params.id)),
    );
  };
}
