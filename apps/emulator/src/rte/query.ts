/** Query-string helpers shared by the RTE routes. */
import { RteRequestError } from './errors.ts';
import { parseRteDateTime } from './rte-dates.ts';

/** First value of a query parameter (repeated parameters keep the first, as most gateways do). */
export function firstQueryValue(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) {
    return typeof value[0] === 'string' ? value[0] : undefined;
  }
  return typeof value === 'string' ? value : undefined;
}

/**
 * `start_date`/`end_date` of the consumption and generation APIs: both or neither, RTE format,
 * start before end. `prefix` names the API in error codes (`CONSUMPTION_SHORTTERM` → `..._F01`).
 */
export function optionalPeriod(query: Record<string, unknown>, prefix: string): { start: Date; end: Date } | null {
  const startText = firstQueryValue(query, 'start_date');
  const endText = firstQueryValue(query, 'end_date');
  if (startText === undefined && endText === undefined) {
    return null;
  }
  if (startText === undefined || endText === undefined) {
    throw new RteRequestError(`${prefix}_F01`, 'The "start_date" and "end_date" fields must be given together.');
  }
  const start = parseRteDateTime(startText);
  const end = parseRteDateTime(endText);
  if (!start || !end) {
    const field = start ? 'end_date' : 'start_date';
    throw new RteRequestError(
      `${prefix}_F06`,
      `The value of "${field}" field is not in the format YYYY-MM-DDThh:mm:ss±hh:mm.`,
    );
  }
  if (start >= end) {
    throw new RteRequestError(`${prefix}_F02`, 'The "start_date" field must be before the "end_date" field.');
  }
  return { start, end };
}

/** Comma-separated list parameter (`type=REALISED,ID`), each item checked against `allowed`. */
export function listParameter<T extends string>(
  query: Record<string, unknown>,
  name: string,
  allowed: readonly T[],
  errorCode: string,
): T[] | undefined {
  const raw = firstQueryValue(query, name);
  if (raw === undefined) {
    return undefined;
  }
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) {
    if (!(allowed as readonly string[]).includes(item)) {
      throw new RteRequestError(
        errorCode,
        `The value "${item}" of "${name}" field is not one of ${allowed.join(', ')}.`,
      );
    }
  }
  return [...new Set(items)] as T[];
}
