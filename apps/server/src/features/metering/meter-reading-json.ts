import { Readable } from 'node:stream';
import type { ApiError } from '@med/contracts';
import type { MeterReading } from './metering.service.ts';

/** Text is handed to the socket in pieces of about this size: big enough for few writes, small enough to stay cheap. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The success envelope of a metering answer (`ok()` in http/envelope.ts, same fields in the same order),
 * as JSON text in pieces of about 64 KB. The readings are written from their stored form as the socket
 * drains, so a 2-year load curve (35,040 readings, 3.5 MB) never exists as reading objects, nor as one
 * 3.5 MB string.
 */
export function* meterReadingEnvelope(reading: MeterReading, error: ApiError | null, now: Date): Generator<string> {
  const head = {
    usage_point_id: reading.usage_point_id,
    start: reading.start,
    end: reading.end,
    quality: 'BRUT',
    reading_type: reading.reading_type,
  };
  let chunk = `{"success":true,"data":{"meter_reading":${JSON.stringify(head).slice(0, -1)},"interval_reading":[`;
  let first = true;
  for (const dayJson of reading.readingsJson()) {
    chunk += first ? dayJson : `,${dayJson}`;
    first = false;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}]},"missing_dates":${JSON.stringify(reading.missing_dates)}},"error":${JSON.stringify(error)},"timestamp":"${now.toISOString()}"}`;
}

/**
 * The envelope as a response body: a string when it fits in one piece (most answers: a year of daily
 * data is about 20 KB), else a stream that follows the socket's back-pressure.
 */
export function meterReadingBody(reading: MeterReading, error: ApiError | null, now: Date): string | Readable {
  const pieces = meterReadingEnvelope(reading, error, now);
  const first = pieces.next();
  if (first.done) {
    return '';
  }
  const second = pieces.next();
  if (second.done) {
    return first.value;
  }
  return Readable.from(
    (function* () {
      yield first.value;
      yield second.value;
      yield* pieces;
    })(),
    { objectMode: false },
  );
}
