// Tariff engine speed, in process (no server): one year of half-hours (17,520 intervals) priced with
// 45 offers (the size of the offers data set: 9 offer types × 5 price levels, each with a price change
// on 1 August and published Tempo / EJP / Zen Flex calendars), then one offer alone.
// Targets (issue 10): every offer × a year < 100 ms; one offer × a year < 10 ms. Prints medians.
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  OFFER_BANDS,
  OFFER_TYPES,
  addDays,
  eachDay,
  groupOffers,
  isoWeekday,
  prepareConsumption,
  priceOffer,
  simulate,
  toEnergySlots,
  formatParisIso,
  parisDayBounds,
  type PriceRecord,
  type TariffContext,
  type TempoColour,
} from '@med/core';

const YEAR_START = '2025-01-01';
const YEAR_END = '2026-01-01';
const LEVELS = 5;

function catalogue(): PriceRecord[] {
  const records: PriceRecord[] = [];
  for (const type of OFFER_TYPES) {
    for (let level = 0; level < LEVELS; level++) {
      for (const [from, to, bump] of [
        [YEAR_START, '2025-07-31', 0],
        ['2025-08-01', null, 0.004],
      ] as const) {
        const prices = Object.fromEntries(
          OFFER_BANDS[type].map((band, index) => [
            band,
            Number((0.15 + level * 0.01 + index * 0.02 + bump).toFixed(4)),
          ]),
        );
        records.push({
          id: `bench:level-${level}:${type}:6:${from}`,
          name: `level ${level}`,
          offer_type: type,
          power_kva: 6,
          subscription_eur_per_month: 12 + level,
          prices,
          hc_schedule: type === 'ZEN_FLEX' ? { default: ['00:00-08:00', '13:00-18:00', '20:00-24:00'] } : null,
          valid_from: from,
          valid_to: to,
        });
      }
    }
  }
  return records;
}

/** A household-like year: a night base, morning and evening peaks, more in winter. */
function yearOfHalfHours() {
  const readings = eachDay(YEAR_START, YEAR_END).flatMap((date) => {
    const winter = Number(date.slice(5, 7)) <= 3 || Number(date.slice(5, 7)) >= 11 ? 1.6 : 1;
    const { start, end } = parisDayBounds(date);
    const points = [];
    for (let at = start.getTime(), i = 0; at < end.getTime(); at += 1_800_000, i++) {
      const hour = (i / 2) % 24;
      const watts = Math.round(
        (hour < 6 ? 300 : hour >= 7 && hour < 9 ? 1500 : hour >= 18 && hour < 22 ? 2200 : 600) * winter,
      );
      points.push({ date: formatParisIso(new Date(at)), value: watts, interval_length: 'PT30M' });
    }
    return points;
  });
  return toEnergySlots(readings).slots;
}

function context(): TariffContext {
  const tempo = new Map<string, TempoColour>();
  const peaks = new Set<string>();
  const sobriety = new Set<string>();
  for (const date of eachDay(addDays(YEAR_START, -1), YEAR_END)) {
    const month = Number(date.slice(5, 7));
    const weekday = isoWeekday(date);
    const winter = month <= 3 || month >= 11;
    const day = Number(date.slice(8, 10));
    tempo.set(date, winter && weekday <= 5 && day % 7 === 0 ? 'RED' : weekday <= 6 && day % 5 === 0 ? 'WHITE' : 'BLUE');
    if (winter && weekday <= 5 && day % 7 === 1) {
      peaks.add(date);
    }
    if (winter && weekday <= 5 && day % 9 === 2) {
      sobriety.add(date);
    }
  }
  return {
    powers: [{ start: '2000-01-01', end: null, value: 6 }],
    offpeak: [{ start: '2000-01-01', end: null, value: ['22:30-06:30'] }],
    tempo,
    ejpPeakDays: { start: '2024-11-01', end: YEAR_END, days: peaks },
    zenFlexSobrietyDays: { start: '2024-12-01', end: YEAR_END, days: sobriety },
  };
}

/** Median and best of `runs` timings, ms. The best shows the engine's own cost on a busy shared machine. */
function time(runs: number, work: () => void): string {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return `median ${median.toFixed(2)} ms, best ${(times[0] ?? Number.NaN).toFixed(2)} ms`;
}

export function runTariff(): void {
  const offers = groupOffers(catalogue());
  const curve = yearOfHalfHours();
  const ctx = context();
  const consumption = { curve, daily: [] };
  console.log(`Tariff engine: ${offers.length} offers × ${curve.length} half-hours (${YEAR_START} → ${YEAR_END})`);
  // Warm-up so the figures measure compiled code, as in a long-running server.
  for (let i = 0; i < 3; i++) {
    simulate(offers, prepareConsumption(YEAR_START, YEAR_END, consumption), ctx);
  }
  const prepare = time(15, () => prepareConsumption(YEAR_START, YEAR_END, consumption));
  const prepared = prepareConsumption(YEAR_START, YEAR_END, consumption);
  const all = time(15, () => simulate(offers, prepared, ctx));
  const allWithPrepare = time(15, () => simulate(offers, prepareConsumption(YEAR_START, YEAR_END, consumption), ctx));
  const tempo = offers.find((offer) => offer.key.endsWith(':TEMPO'));
  if (!tempo) {
    throw new Error('no Tempo offer in the bench catalogue');
  }
  const one = time(31, () => priceOffer(tempo.records, prepared, ctx));
  const oneWithBreakdown = time(31, () => priceOffer(tempo.records, prepared, ctx, { breakdown: true }));
  const oneWithPrepare = time(31, () =>
    priceOffer(tempo.records, prepareConsumption(YEAR_START, YEAR_END, consumption), ctx, { breakdown: true }),
  );
  console.log(`  lay out the year by day (once per request): ${prepare}`);
  console.log(`  every offer, ranked (target < 100 ms): ${all}`);
  console.log(`  every offer, ranked, lay-out included: ${allWithPrepare}`);
  console.log(`  one offer (Tempo), totals (target < 10 ms): ${one}`);
  console.log(`  one offer (Tempo), daily and monthly breakdown: ${oneWithBreakdown}`);
  console.log(`  one offer (Tempo), breakdown, lay-out included: ${oneWithPrepare}`);
  console.log(
    `  load average when done: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} (${availableParallelism()} cores)`,
  );
  console.log(`  heap used: ${(process.memoryUsage().heapUsed / 1_048_576).toFixed(0)} MiB`);
}

if (import.meta.main) {
  runTariff();
}
