import type { CostsResponse } from '@med/contracts';
import { addDays, addMonths, daysInMonth, type DataTable } from '@med/core';

/**
 * Pure view logic of the € pages. Every amount comes from the costs API (the tariff engine rounds each
 * figure once, to the cent); nothing here adds euros up.
 */

/** A Paris date range `[start, end)` the costs API can price, and whether it is cut short. */
export interface CostPeriod {
  id: string;
  start: string;
  end: string;
  /** The period is shorter than its name says (history limit, meter activation, data up to yesterday). */
  partial: boolean;
}

/** Enedis keeps 36 months of daily data; the server refuses a start before that (DATE_TOO_OLD). */
const HISTORY_MONTHS = 36;

/**
 * The periods a meter can be priced over on `today`: the last 12 months, then each calendar year still in
 * Enedis' history, newest first, each clipped to the history, the meter's activation and yesterday.
 */
export function costPeriods(today: string, activationDate: string | null): CostPeriod[] {
  const historyStart = addDays(addMonths(today, -HISTORY_MONTHS), 1);
  const earliest = activationDate !== null && activationDate > historyStart ? activationDate : historyStart;
  const clip = (id: string, start: string, end: string): CostPeriod | null => {
    const from = start < earliest ? earliest : start;
    const to = end > today ? today : end;
    return from < to ? { id, start: from, end: to, partial: from !== start || to !== end } : null;
  };
  const periods = [clip('rolling', addMonths(today, -12), today)];
  const thisYear = Number(today.slice(0, 4));
  for (let year = thisYear; year >= Number(earliest.slice(0, 4)); year -= 1) {
    periods.push(clip(String(year), `${String(year)}-01-01`, `${String(year + 1)}-01-01`));
  }
  return periods.filter((period): period is CostPeriod => period !== null);
}

/** Days the price changed within the period (a new price record, or another power), after its first day. */
export function priceChangeDates(cost: Pick<CostsResponse, 'price_records'>): string[] {
  const starts = cost.price_records.map((record) => record.first_date).sort();
  return [...new Set(starts.slice(1))];
}

/** Months the period covers only in part (first or last month cut, or days without data). */
export function isPartialMonth(month: { month: string; days: number }): boolean {
  return month.days < daysInMonth(month.month);
}

/** Bands of the offer in the order the API lists them (first month with any band). */
export function bandsOf(cost: Pick<CostsResponse, 'bands'>): string[] {
  return cost.bands.map((band) => band.band);
}

export interface CostTableLabels {
  period: string;
  days: string;
  kwh: string;
  energy: string;
  subscription: string;
  total: string;
  band: (band: string) => string;
}

function amountColumns(bands: readonly string[], labels: CostTableLabels) {
  return [
    { key: 'kwh', label: labels.kwh },
    { key: 'energy_eur', label: labels.energy },
    { key: 'subscription_eur', label: labels.subscription },
    { key: 'total_eur', label: labels.total },
    ...bands.flatMap((band) => [
      { key: `${band}_kwh`, label: `${labels.band(band)} (kWh)` },
      { key: `${band}_eur`, label: `${labels.band(band)} (€)` },
    ]),
  ];
}

function amountCells(
  row: Pick<CostsResponse, 'kwh' | 'energy_eur' | 'subscription_eur' | 'total_eur' | 'bands'>,
  bands: readonly string[],
) {
  const cells: Record<string, number | null> = {
    kwh: row.kwh,
    energy_eur: row.energy_eur,
    subscription_eur: row.subscription_eur,
    total_eur: row.total_eur,
  };
  for (const band of bands) {
    const found = row.bands.find((entry) => entry.band === band);
    cells[`${band}_kwh`] = found?.kwh ?? 0;
    cells[`${band}_eur`] = found?.energy_eur ?? 0;
  }
  return cells;
}

/** Month by month, as the API gives it (for CSV / JSON). */
export function monthsTable(cost: CostsResponse, labels: CostTableLabels): DataTable {
  const bands = bandsOf(cost);
  return {
    columns: [
      { key: 'month', label: labels.period },
      { key: 'days', label: labels.days },
      ...amountColumns(bands, labels),
    ],
    rows: cost.months.map((month) => ({ month: month.month, days: month.days, ...amountCells(month, bands) })),
  };
}

/** Day by day, with the price record each day used (for CSV / JSON). */
export function daysTable(cost: CostsResponse, labels: CostTableLabels & { record: string }): DataTable {
  const bands = bandsOf(cost);
  return {
    columns: [
      { key: 'date', label: labels.period },
      ...amountColumns(bands, labels),
      { key: 'record_id', label: labels.record },
    ],
    rows: cost.daily.map((day) => ({ date: day.date, ...amountCells(day, bands), record_id: day.record_id })),
  };
}

/** The months the daily chart can show (those with at least one priced day), newest last. */
export function monthsWithDays(cost: Pick<CostsResponse, 'daily'>): string[] {
  return [...new Set(cost.daily.map((day) => day.date.slice(0, 7)))];
}
