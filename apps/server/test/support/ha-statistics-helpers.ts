/**
 * Test data for the Home Assistant statistics export: meters in the client store, half-hour curves
 * generated over given Paris days, Tempo colours and catalogue offers, plus an expected-value calculation
 * written independently of `@med/core` (Paris wall clock from `Intl`, bands from plain rules).
 */
import { randomUUID } from 'node:crypto';
import type { OfferRecord } from '@med/contracts';
import type { Db } from '../../src/db/database.ts';
import { insertOffers } from '../../src/features/offers/catalogue.repository.ts';
import { recordToRow } from '../../src/features/offers/offer.mapper.ts';
import { insertTestProvider } from './catalogue-helpers.ts';

const HALF_HOUR_MS = 1_800_000;
const HOUR_MS = 3_600_000;

const parisParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Paris date and wall-clock minute of an instant, from the platform's time-zone data. */
export function parisClock(ms: number): { date: string; minute: number } {
  const parts = Object.fromEntries(parisParts.formatToParts(new Date(ms)).map((part) => [part.type, part.value]));
  return {
    date: `${parts['year'] ?? ''}-${parts['month'] ?? ''}-${parts['day'] ?? ''}`,
    minute: Number(parts['hour']) * 60 + Number(parts['minute']),
  };
}

export interface Slot {
  start: number;
  date: string;
  minute: number;
  watts: number;
}

/** Every half-hour whose start falls on one of `days` (Paris), with a varying power. */
export function halfHours(days: readonly string[], watts: (index: number) => number): Slot[] {
  const slots: Slot[] = [];
  for (const day of days) {
    const guess = Date.parse(`${day}T00:00:00Z`);
    for (let ms = guess - 3 * HOUR_MS; ms < guess + 24 * HOUR_MS; ms += HALF_HOUR_MS) {
      const clock = parisClock(ms);
      if (clock.date === day) {
        slots.push({ start: ms, date: day, minute: clock.minute, watts: watts(slots.length) });
      }
    }
  }
  return slots;
}

export const varyingWatts = (index: number) => 200 + ((index * 37) % 23) * 50;

export async function storeCurve(
  db: Db,
  usagePointId: string,
  slots: readonly Slot[],
  direction: 'consumption' | 'production' = 'consumption',
) {
  for (let i = 0; i < slots.length; i += 200) {
    await db
      .insertInto('client_curve')
      .values(
        slots.slice(i, i + 200).map((slot) => ({
          usage_point_id: usagePointId,
          direction,
          start_at: new Date(slot.start).toISOString(),
          day: slot.date,
          minutes: 30,
          value_w: slot.watts,
        })),
      )
      .onConflict((conflict) =>
        conflict.columns(['usage_point_id', 'direction', 'start_at']).doUpdateSet((eb) => ({
          value_w: eb.ref('excluded.value_w'),
        })),
      )
      .execute();
  }
}

export async function storeMeter(
  db: Db,
  usagePointId: string,
  pdl: {
    pricing_option?: string | null;
    subscribed_power?: number | null;
    offpeak?: string[] | null;
    selected_offer_id?: string | null;
  },
) {
  await db
    .insertInto('client_meters')
    .values({
      usage_point_id: usagePointId,
      pdl: JSON.stringify({
        usage_point_id: usagePointId,
        pricing_option: pdl.pricing_option ?? null,
        subscribed_power: pdl.subscribed_power ?? 6,
        offpeak_hours: pdl.offpeak ? { ranges: pdl.offpeak } : null,
        selected_offer_id: pdl.selected_offer_id ?? null,
      }),
      updated_at: new Date().toISOString(),
    })
    .execute();
}

export async function storeTempo(db: Db, colours: Record<string, 'BLUE' | 'WHITE' | 'RED'>) {
  await db
    .insertInto('tempo_days')
    .values(
      Object.entries(colours).map(([date, color]) => ({
        date,
        color,
        rte_updated_date: null,
        updated_at: new Date().toISOString(),
      })),
    )
    .execute();
}

/** One offer of the catalogue (open-ended, 6 kVA, from 2025-01-01); returns its row id for `selected_offer_id`. */
export async function storeOffer(
  db: Db,
  type: OfferRecord['offer_type'],
  prices: Record<string, number>,
): Promise<string> {
  const { providerId, slug } = await insertTestProvider(db, 't');
  const offerId = randomUUID();
  const now = new Date().toISOString();
  const record: OfferRecord = {
    id: `${slug}:offre:${type}:6:2025-01-01`,
    name: `Offre ${type}`,
    offer_type: type,
    power_kva: 6,
    subscription_eur_per_month: 15,
    prices,
    hc_schedule: null,
    valid_from: '2025-01-01',
    valid_to: null,
    source: `https://${slug}.example/grille.pdf`,
    confidence: 'high',
  };
  await insertOffers(db, [recordToRow(record, providerId, offerId, now)]);
  return offerId;
}

/** Expected hourly rows of one series: hour start → watt-minutes (energy) or units (W·min × µ€/kWh). */
export type Expected = Map<string, Map<number, number>>;

/**
 * Files each half-hour's energy (W × 30 W·min) under `band(slot)` in its UTC hour, and its cost
 * W·min × price (µ€/kWh) when `prices` are given.
 */
export function expectedSeries(
  slots: readonly Slot[],
  band: (slot: Slot) => string,
  prices: Record<string, number> | null,
): { energy: Expected; cost: Expected } {
  const energy: Expected = new Map();
  const cost: Expected = new Map();
  const add = (into: Expected, key: string, hour: number, value: number) => {
    const series = into.get(key) ?? new Map<number, number>();
    series.set(hour, (series.get(hour) ?? 0) + value);
    into.set(key, series);
  };
  const allBands = new Set(slots.map(band));
  const hours = [...new Set(slots.map((slot) => Math.floor(slot.start / HOUR_MS) * HOUR_MS))];
  for (const key of prices ? Object.keys(prices) : allBands) {
    for (const hour of hours) {
      add(energy, key, hour, 0);
      if (prices) {
        add(cost, key, hour, 0);
      }
    }
  }
  for (const slot of slots) {
    const key = band(slot);
    const hour = Math.floor(slot.start / HOUR_MS) * HOUR_MS;
    const wattMinutes = slot.watts * 30;
    add(energy, key, hour, wattMinutes);
    if (prices) {
      add(cost, key, hour, wattMinutes * Math.round((prices[key] ?? NaN) * 1_000_000));
    }
  }
  return { energy, cost };
}

/** Hourly rows and running sums as HA should hold them (Wh or EUR), from expected base units. */
export function expectedRows(hours: ReadonlyMap<number, number>, kind: 'energy' | 'cost', base = 0) {
  let sum = base;
  return [...hours]
    .sort(([a], [b]) => a - b)
    .map(([start, units]) => {
      // Cost: each hour rounded to the micro-euro (half away from zero), as the exporter documents.
      const value = kind === 'energy' ? units / 60 : Math.round(units / 60_000) / 1_000_000;
      sum += value;
      return { start, state: value, sum };
    });
}
