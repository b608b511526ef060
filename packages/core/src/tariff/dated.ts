import type { Dated } from './types.ts';

/** The value in force on `date` (ranges are end-exclusive; a later period wins where two overlap). */
export function valueOn<T>(periods: readonly Dated<T>[], date: string): T | undefined {
  let found: T | undefined;
  for (const period of periods) {
    if (period.start <= date && (period.end === null || date < period.end)) {
      found = period.value;
    }
  }
  return found;
}
