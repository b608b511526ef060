import { ErrorCode, isoDateSchema, usagePointIdSchema } from '@med/contracts';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { envelope } from '../../http/route-helpers.ts';
import { meterReadingBody } from './meter-reading-json.ts';
import type { MeterReading } from './metering.service.ts';

/**
 * The request and answer shapes of the reference's `/api/enedis/*` reading paths, shared by the gateway and
 * the local client (which answers the same paths local-first), so both validate and answer alike.
 */
export const meteringParams = z.strictObject({ pdl: usagePointIdSchema });

export const useCacheFlag = (defaultValue: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .optional()
    .transform((value) => (value === undefined ? defaultValue : value === 'true' || value === '1'));

export const meteringRangeQuery = (useCacheDefault: boolean) =>
  z.object({
    // A day that does not exist (2025-02-30) is a 422 INVALID_DATE_FORMAT here, before any lookup.
    start: isoDateSchema.describe('First day, YYYY-MM-DD (Paris)'),
    end: isoDateSchema.describe('Day after the last one, YYYY-MM-DD: the range is [start, end)'),
    use_cache: useCacheFlag(useCacheDefault),
  });

const readingSchema = z.object({
  value: z.number(),
  date: z.string(),
  interval_length: z.string().optional(),
  measure_type: z.string().optional(),
});
// Readings are written as JSON text from their stored form (meter-reading-json.ts); this schema documents
// them for OpenAPI only.
export const meterReadingResponseSchema = envelope(
  z.object({
    meter_reading: z.object({
      usage_point_id: z.string(),
      start: z.string(),
      end: z.string(),
      quality: z.string(),
      reading_type: z.record(z.string(), z.string()),
      interval_reading: z.array(readingSchema),
    }),
    missing_dates: z.array(z.string()),
  }),
);

/** Writes a metering answer, with `PARTIAL_DATA` when some days of the range have no (complete) data. */
export function sendMeterReading(reply: FastifyReply, result: MeterReading): FastifyReply {
  const partial = result.missing_dates.length > 0;
  const error = partial
    ? {
        code: ErrorCode.PARTIAL_DATA,
        message: `Données incomplètes pour ${result.missing_dates.length} jour(s) (non disponibles chez Enedis).`,
      }
    : null;
  // Already JSON text (or a stream of it): the untyped reply sends it as is, without a serializer.
  return reply.type('application/json; charset=utf-8').send(meterReadingBody(result, error, new Date()));
}
