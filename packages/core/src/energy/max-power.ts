/** Daily maximum power as served: `value` in VA, `date` the RFC 3339 Paris instant of the peak. */
export interface MaxPowerDay {
  /** Paris date of the peak. */
  date: string;
  va: number;
  /** Paris wall-clock time of the peak, `HH:MM` (empty when the reading has no time). */
  time: string;
}

/** Sorted daily peaks; the Paris date and time are the text of the RFC 3339 stamp (written in Paris time). */
export function dailyMaxPower(readings: readonly { date: string; value: number }[]): MaxPowerDay[] {
  const byDate = new Map<string, MaxPowerDay>();
  for (const reading of readings) {
    if (!Number.isFinite(reading.value) || !/^\d{4}-\d{2}-\d{2}/.test(reading.date)) {
      continue;
    }
    const date = reading.date.slice(0, 10);
    const time = /^\d{4}-\d{2}-\d{2}T(\d{2}:\d{2})/.exec(reading.date)?.[1] ?? '';
    byDate.set(date, { date, va: reading.value, time });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Subscribed power in kVA as the VA reference line of the max-power chart. */
export function subscribedVa(kva: number | null | undefined): number | null {
  return typeof kva === 'number' && kva > 0 ? kva * 1000 : null;
}
