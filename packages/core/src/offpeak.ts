/**
 * Off-peak hours ("heures creuses") as Enedis writes them in contracts: free text such as
 * `HC (22H00-6H00)`, `HC (23h00-7h30)` or `HC (22H30-6H30;12H00-14H00)`. Returns normalised
 * `HH:MM-HH:MM` ranges (a range may wrap past midnight), or null when the text holds none.
 */
export function parseEnedisOffpeak(text: string | null | undefined): string[] | null {
  if (!text) {
    return null;
  }
  const ranges: string[] = [];
  const pattern = /(\d{1,2})\s*[hH:](\d{2})?\s*-\s*(\d{1,2})\s*[hH:](\d{2})?/g;
  for (const match of text.matchAll(pattern)) {
    const [, startHour, startMinute, endHour, endMinute] = match;
    const start = clock(startHour, startMinute);
    const end = clock(endHour, endMinute);
    if (start && end && start !== end) {
      ranges.push(`${start}-${end}`);
    }
  }
  return ranges.length > 0 ? ranges : null;
}

function clock(hour: string | undefined, minute: string | undefined): string | null {
  const h = Number(hour);
  const m = Number(minute ?? '0');
  if (!Number.isInteger(h) || h < 0 || h > 24 || !Number.isInteger(m) || m < 0 || m > 59) {
    return null;
  }
  // "24H00" is midnight at the end of the day.
  return `${String(h % 24).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** Minutes after local midnight of `HH:MM`. */
export function minutesOfClock(value: string): number {
  const [hour, minute] = value.split(':').map(Number);
  return (hour ?? 0) * 60 + (minute ?? 0);
}

/**
 * Whether a local wall-clock minute of the day (0–1439) falls in one of the ranges. Ranges are
 * half-open `[start, end)` and may wrap past midnight (`22:00-06:00`).
 */
export function isOffpeakMinute(minuteOfDay: number, ranges: readonly string[]): boolean {
  return ranges.some((range) => {
    const [start, end] = range.split('-').map(minutesOfClock);
    if (start === undefined || end === undefined) {
      return false;
    }
    return start < end ? minuteOfDay >= start && minuteOfDay < end : minuteOfDay >= start || minuteOfDay < end;
  });
}

/** The default off-peak window used when a contract does not say (the regulated 22:00–06:00). */
export const DEFAULT_OFFPEAK_RANGES: readonly string[] = ['22:00-06:00'];
