/**
 * Off-peak (heures creuses) ranges. Meters are configured with `HH:MM-HH:MM` ranges; the contract
 * endpoint writes them the Enedis way (`HC (22H00-6H00)`, several ranges joined by `;` as in
 * `HC (22H00-6H00;12h00-14h00)`), and the load-curve generator runs the water heater inside them.
 */

const RANGE = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/;

/** A range in minutes after local midnight; `end < start` when it crosses midnight. */
export interface OffpeakRange {
  startMinute: number;
  endMinute: number;
}

/** Parses `22:00-06:00`; throws a `RangeError` on anything else. */
export function parseOffpeakRange(text: string): OffpeakRange {
  const match = RANGE.exec(text);
  if (!match) {
    throw new RangeError(`off-peak range must look like 22:00-06:00, got "${text}"`);
  }
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 23 || m1 > 59 || m2 > 59) {
    throw new RangeError(`invalid off-peak range "${text}"`);
  }
  return { startMinute: h1 * 60 + m1, endMinute: h2 * 60 + m2 };
}

function formatClock(minute: number): string {
  return `${Math.floor(minute / 60)}H${String(minute % 60).padStart(2, '0')}`;
}

/** The `offpeak_hours` text of a contract, or null for a single-rate contract. */
export function formatOffpeakText(ranges: readonly string[] | null): string | null {
  if (ranges === null || ranges.length === 0) {
    return null;
  }
  const parts = ranges.map(parseOffpeakRange).map((r) => `${formatClock(r.startMinute)}-${formatClock(r.endMinute)}`);
  return `HC (${parts.join(';')})`;
}

/** Length of a range in minutes, handling ranges that cross midnight. */
export function rangeLengthMinutes(range: OffpeakRange): number {
  return (range.endMinute - range.startMinute + 1440) % 1440;
}
