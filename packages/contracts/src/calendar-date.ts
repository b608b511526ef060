import { z } from 'zod';
import { ErrorCode } from './error-codes.ts';

/**
 * The one calendar-date type of the API: `YYYY-MM-DD` that names a day that exists. Every route that
 * takes a date uses it at the schema edge, so an impossible date (`2025-02-30`, `2025-04-31`) is a
 * 422 `INVALID_DATE_FORMAT` naming the parameter and never reaches the date arithmetic (which throws).
 */

const SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * True when `value` is `YYYY-MM-DD` and a real day. The shape is a regex; the existence of the day is
 * checked by a round trip through a UTC date, because `Date.parse('2025-02-30')` is lenient in V8
 * (it rolls over to 2 March) and a regex of month lengths and leap years is easy to get wrong.
 */
export function isCalendarDate(value: string): boolean {
  if (!SHAPE.test(value)) {
    return false;
  }
  const instant = new Date(0);
  instant.setUTCFullYear(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  // toISOString writes years 0000–9999 with four digits, which is all the regex lets through.
  return instant.toISOString().slice(0, 10) === value;
}

const MESSAGE = 'Date attendue au format AAAA-MM-JJ (un jour qui existe).';

/**
 * Issues raised by our schemas may carry the stable code the server answers with (here
 * `INVALID_DATE_FORMAT` instead of the generic `VALIDATION_ERROR`), under this key of the issue params.
 */
export const ERROR_CODE_PARAM = 'errorCode';

/** A required calendar date (`YYYY-MM-DD`, a day that exists). */
export const isoDateSchema = z
  .string()
  .check((ctx) => {
    if (!isCalendarDate(ctx.value)) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        message: MESSAGE,
        params: { [ERROR_CODE_PARAM]: ErrorCode.INVALID_DATE_FORMAT },
      });
    }
  })
  .meta({ format: 'date', examples: ['2025-01-31'] });

/**
 * An optional calendar date in a query string, where `?start=` (empty) means "not given": the route's
 * default applies, as it did before dates were checked at the schema edge.
 */
export const optionalIsoDateSchema = z.preprocess(
  (value) => (value === '' ? undefined : value),
  isoDateSchema.optional(),
);
