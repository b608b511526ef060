import { ErrorCode, historyImportReportSchema, usagePointIdSchema } from '@med/contracts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { badRequest, notFound } from '../../http/app-error.ts';
import { ok } from '../../http/envelope.ts';
import { envelope } from '../../http/route-helpers.ts';
import { importHistoryCsv } from './history-import.service.ts';

/** Two years of 30-minute curve is about 1.5 MB; room for a five-minute step and re-saved files. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What browsers and tools send for a `.csv` (Windows says Excel), a `.txt` from Excel, or raw bytes. */
const FILE_CONTENT_TYPES = ['text/csv', 'text/plain', 'application/vnd.ms-excel', 'application/octet-stream'];

export interface HistoryImportDeps {
  db: Db;
  /** Whether the household's gateway lists this meter (wired at app level from the sync's meter list). */
  meterExists: (usagePointId: string) => Promise<boolean>;
}

/**
 * `POST /api/history-import/{pdl}`: the body is the CSV file as downloaded (any encoding the exports
 * use), `?file_name=` its name (the Conso Downloader writes the meter and direction there).
 */
export function historyImportRoutes(deps: HistoryImportDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // Bytes, not text: the parser detects UTF-8, Windows-1252 and UTF-16 itself.
    app.addContentTypeParser(
      FILE_CONTENT_TYPES,
      { parseAs: 'buffer', bodyLimit: MAX_FILE_BYTES },
      (_request, body, done) => {
        done(null, body);
      },
    );

    app.post(
      '/:pdl',
      {
        bodyLimit: MAX_FILE_BYTES,
        schema: {
          tags: ['sync'],
          summary: 'Import an Enedis CSV export (load curve, daily energy, max power; consumption or production)',
          description:
            'Adds the rows the local store lacks, in one transaction; stored rows are never overwritten. ' +
            'Lines that cannot be read are listed with their line number and left out.',
          params: z.strictObject({ pdl: usagePointIdSchema }),
          querystring: z.strictObject({ file_name: z.string().max(255).optional() }),
          response: { 200: envelope(historyImportReportSchema) },
        },
      },
      async (request) => {
        const { pdl } = request.params;
        if (!(await deps.meterExists(pdl))) {
          throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL inconnu de la passerelle pour ce compte.');
        }
        const body = request.body;
        if (!(body instanceof Uint8Array) || body.byteLength === 0) {
          throw badRequest(
            ErrorCode.CSV_EMPTY_FILE,
            'Envoyez le fichier CSV dans le corps de la requête (Content-Type text/csv).',
          );
        }
        return ok(
          await importHistoryCsv(deps.db, { usagePointId: pdl, bytes: body, fileName: request.query.file_name }),
        );
      },
    );
  };
}
