import { formatParisIso } from '../paris-iso.ts';
import { slotStartsOfDay } from '../time/slots.ts';
import type { CurveReadingInput } from './slots.ts';

/** Curve readings of a whole Paris day as the server serves them, `watts(i)` for slot i. */
export function dayReadings(
  date: string,
  watts: (index: number, start: Date) => number,
  step = 30,
): CurveReadingInput[] {
  return slotStartsOfDay(date, step).map((start, index) => ({
    date: formatParisIso(start),
    value: watts(index, start),
    interval_length: `PT${step}M`,
  }));
}
