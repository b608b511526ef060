import { ErrorCode } from '@med/contracts';
import { addDays, daysBetween, type DateRange } from '@med/core';
import type { EnedisApi } from '../enedis/enedis-api.ts';
import { EnedisError } from '../enedis/enedis-errors.ts';
import type { DatasetSpec } from './datasets.ts';

export const isEnedisCode = (error: unknown, code: ErrorCode): error is EnedisError =>
  error instanceof EnedisError && error.code === code;

export interface ActivationProbe<Item> {
  /**
   * First day of the chunk Enedis accepts as a start: the meter's activation date when `exact`,
   * otherwise only a bound (the whole chunk precedes activation, which lies after `chunk.end − 1`).
   */
  from: string;
  exact: boolean;
  /** What Enedis served for `[from, chunk.end)`. */
  items: Item[];
}

/**
 * Enedis refused `chunk` with ADAM-ERR0123 ("before the last activation date") and its body does not
 * say which date (reference §A7): find it by bisection on the start, ⌈log2(days)⌉ calls at most,
 * keeping what the accepted start returns. Enedis refuses any start before activation, so the answer
 * is monotone in the start. Errors other than "before activation" and "no data" are thrown.
 */
export async function probeActivation<Item, Stored>(
  api: EnedisApi,
  spec: DatasetSpec<Item, Stored>,
  prm: string,
  chunk: DateRange,
): Promise<ActivationProbe<Item>> {
  const lastDay = addDays(chunk.end, -1);
  // One call settles the common "whole chunk before activation" case without bisecting.
  const last = await attempt(lastDay);
  if (last === 'refused') {
    return { from: chunk.end, exact: false, items: [] };
  }
  let refused = chunk.start;
  let accepted = lastDay;
  let items = last;
  while (daysBetween(refused, accepted) > 1) {
    const middle = addDays(refused, Math.floor(daysBetween(refused, accepted) / 2));
    const answer = await attempt(middle);
    if (answer === 'refused') {
      refused = middle;
    } else {
      accepted = middle;
      items = answer;
    }
  }
  return { from: accepted, exact: true, items };

  async function attempt(start: string): Promise<Item[] | 'refused'> {
    try {
      return await spec.fetch(api, prm, start, chunk.end);
    } catch (error) {
      if (isEnedisCode(error, ErrorCode.BEFORE_ACTIVATION_DATE)) {
        return 'refused';
      }
      if (isEnedisCode(error, ErrorCode.NO_DATA)) {
        return [];
      }
      throw error;
    }
  }
}
