/**
 * The rows behind each chart, for its CSV and JSON downloads: exactly the series the chart draws, with
 * ISO dates (RFC 3339 with the Paris offset for instants) and energies in kWh rounded to the Wh.
 */
import {
  formatParisIso,
  type BalanceSummary,
  type DailyEnergy,
  type DataTable,
  type EnergySlot,
  type MaxPowerDay,
  type MonthComparison,
  type PeriodEnergy,
} from '@med/core';
import { whToKwh } from './format.ts';

const rate = (value: number | null) => (value === null ? null : Math.round(value * 1000) / 10);

/** Every day of the chart; a day without data has an empty energy (as the gap in the chart). */
export function dailyTable(
  days: readonly { date: string; value: DailyEnergy | null }[],
  labels: { date: string; energy: string },
): DataTable {
  return {
    columns: [
      { key: 'date', label: labels.date },
      { key: 'kwh', label: labels.energy },
    ],
    rows: days.map((day) => ({ date: day.date, kwh: day.value ? whToKwh(day.value.wh) : null })),
  };
}

export function yearTotalsTable(
  years: readonly PeriodEnergy[],
  labels: { year: string; energy: string; days: string; first: string; last: string },
): DataTable {
  return {
    columns: [
      { key: 'year', label: labels.year },
      { key: 'kwh', label: labels.energy },
      { key: 'days', label: labels.days },
      { key: 'first_date', label: labels.first },
      { key: 'last_date', label: labels.last },
    ],
    rows: years.map((year) => ({
      year: year.period,
      kwh: whToKwh(year.wh),
      days: year.days,
      first_date: year.firstDate,
      last_date: year.lastDate,
    })),
  };
}

/**
 * N vs N-1 as the chart shows it: month of N, its energy, the same month of N-1, the days compared and
 * the change in percent. A month held in part is on the days both years have (`days_compared`); months
 * with no day in common have no change.
 */
export function monthlyComparisonTable(
  rows: readonly MonthComparison[],
  year: number,
  labels: { month: string; current: string; previous: string; change: string; comparedDays: string },
): DataTable {
  return {
    columns: [
      { key: 'month', label: labels.month },
      { key: 'kwh', label: labels.current },
      { key: 'kwh_previous_year', label: labels.previous },
      { key: 'days_compared', label: labels.comparedDays },
      { key: 'change_percent', label: labels.change },
    ],
    rows: rows.map((row) => {
      const compared = row.basis !== 'unmatched' && row.current !== null && row.previous !== null;
      return {
        month: `${year}-${String(row.month).padStart(2, '0')}`,
        kwh: row.current === null ? null : whToKwh(row.current),
        kwh_previous_year: row.previous === null ? null : whToKwh(row.previous),
        days_compared: row.basis === 'sameDays' ? row.comparedDays : row.basis === 'whole' ? row.currentDays : null,
        change_percent:
          compared && row.previous !== null && row.current !== null && row.previous > 0
            ? rate(row.current / row.previous - 1)
            : null,
      };
    }),
  };
}

export interface CurveOverlayColumn {
  key: string;
  label: string;
  slots: readonly (EnergySlot | null)[];
}

/** Slots of the shown period (start as RFC 3339 Paris time, average W, Wh) plus the overlays shown. */
export function curveTable(
  view: readonly EnergySlot[],
  overlays: readonly CurveOverlayColumn[],
  labels: { start: string; power: string; energy: string },
): DataTable {
  return {
    columns: [
      { key: 'start', label: labels.start },
      { key: 'w', label: labels.power },
      { key: 'wh', label: labels.energy },
      ...overlays.map((overlay) => ({ key: overlay.key, label: overlay.label })),
    ],
    rows: view.map((slot, index) => ({
      start: formatParisIso(new Date(slot.start)),
      w: slot.watts,
      wh: Math.round(slot.wh * 1000) / 1000,
      ...Object.fromEntries(overlays.map((overlay) => [overlay.key, overlay.slots[index]?.watts ?? null])),
    })),
  };
}

export function offpeakTable(
  months: readonly { month: string; hcWh: number; hpWh: number; days: number }[],
  labels: { month: string; hc: string; hp: string; share: string; days: string },
): DataTable {
  return {
    columns: [
      { key: 'month', label: labels.month },
      { key: 'hc_kwh', label: labels.hc },
      { key: 'hp_kwh', label: labels.hp },
      { key: 'hc_share_percent', label: labels.share },
      { key: 'days', label: labels.days },
    ],
    rows: months.map((month) => {
      const total = month.hcWh + month.hpWh;
      return {
        month: month.month,
        hc_kwh: whToKwh(month.hcWh),
        hp_kwh: whToKwh(month.hpWh),
        hc_share_percent: total > 0 ? rate(month.hcWh / total) : null,
        days: month.days,
      };
    }),
  };
}

export function maxPowerTable(
  days: readonly MaxPowerDay[],
  subscribedVa: number | null,
  labels: { date: string; time: string; power: string; subscribed: string },
): DataTable {
  return {
    columns: [
      { key: 'date', label: labels.date },
      { key: 'time', label: labels.time },
      { key: 'va', label: labels.power },
      { key: 'subscribed_va', label: labels.subscribed },
    ],
    rows: days.map((day) => ({ date: day.date, time: day.time, va: day.va, subscribed_va: subscribedVa })),
  };
}

export function balanceTable(
  months: readonly (BalanceSummary & { month: string })[],
  labels: {
    month: string;
    consumption: string;
    production: string;
    net: string;
    selfConsumed: string;
    selfConsumption: string;
    selfSufficiency: string;
    method: string;
  },
): DataTable {
  return {
    columns: [
      { key: 'month', label: labels.month },
      { key: 'consumption_kwh', label: labels.consumption },
      { key: 'production_kwh', label: labels.production },
      { key: 'net_kwh', label: labels.net },
      { key: 'self_consumed_kwh', label: labels.selfConsumed },
      { key: 'self_consumption_percent', label: labels.selfConsumption },
      { key: 'self_sufficiency_percent', label: labels.selfSufficiency },
      { key: 'method', label: labels.method },
    ],
    rows: months.map((month) => ({
      month: month.month,
      consumption_kwh: whToKwh(month.consumptionWh),
      production_kwh: whToKwh(month.productionWh),
      net_kwh: whToKwh(month.netWh),
      self_consumed_kwh: whToKwh(month.selfConsumedWh),
      self_consumption_percent: rate(month.selfConsumptionRate),
      self_sufficiency_percent: rate(month.selfSufficiencyRate),
      method: month.method,
    })),
  };
}
