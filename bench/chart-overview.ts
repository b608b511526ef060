// « Tout » benchmark: what the consumption page computes when the load-curve card switches to the whole
// range of two years of 30-min data (35,040 slots, both DST days of each year), before ECharts draws:
// the min/max reduction of the whole curve, the same for a zoomed month, and the whole render-data
// preparation of the click (reduction, ECharts option, period total, HC/HP split). Printed next to the
// preparation the page did before (one Paris wall-clock label per slot on a category axis, 35,040
// points handed to ECharts). Target for the click: well under the 200 ms budget on a desktop.
import {
  addDays,
  curveWindowPoints,
  downsampleCurve,
  formatParisIso,
  slotStartsOfDay,
  toEnergySlots,
  totalOffpeakSplit,
  type EnergySlot,
} from '@med/core';
import { curveLabels, OVERVIEW_POINTS, overviewOption } from '../apps/web/src/features/metering/curveChart.ts';

const FIRST_DAY = '2024-12-01';
const RUNS = 40;

function twoYears(): EnergySlot[] {
  const readings = [];
  for (let date = FIRST_DAY; date < addDays(FIRST_DAY, 730); date = addDays(date, 1)) {
    for (const [index, start] of slotStartsOfDay(date, 30).entries()) {
      readings.push({ date: formatParisIso(start), value: 250 + ((index * 37) % 900) + (index === 38 ? 6000 : 0) });
    }
  }
  return toEnergySlots(readings).slots;
}

/** Median and 95th percentile of `RUNS` timed runs (after 5 unmeasured ones), in ms. */
function time(work: () => unknown): { median: number; p95: number } {
  for (let run = 0; run < 5; run++) {
    work();
  }
  const samples: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(RUNS / 2)] ?? 0, p95: samples[Math.floor(RUNS * 0.95)] ?? 0 };
}

function print(title: string, figures: { median: number; p95: number }): void {
  console.log(`  ${title}: median ${figures.median.toFixed(2)} ms, p95 ${figures.p95.toFixed(2)} ms`);
}

export function runChartOverview(): void {
  const slots = twoYears();
  const overview = downsampleCurve(slots, OVERVIEW_POINTS);
  const extent = { from: slots[0]?.start ?? 0, to: slots.at(-1)?.start ?? 0 };
  const month = { from: Date.parse('2025-06-01T00:00:00Z'), to: Date.parse('2025-06-30T21:30:00Z') };
  console.log(
    `« Tout » on ${slots.length.toLocaleString('en')} slots → ${overview.points.length.toLocaleString('en')} points (${RUNS} runs)`,
  );
  print(
    'min/max reduction of the whole curve',
    time(() => downsampleCurve(slots, OVERVIEW_POINTS)),
  );
  print(
    'zoomed month re-reduced (window + overview)',
    time(() => curveWindowPoints(slots, overview, month, OVERVIEW_POINTS)),
  );
  print(
    'click on « Tout »: reduction + option + total + HC/HP split',
    time(() => {
      const curve = downsampleCurve(slots, OVERVIEW_POINTS);
      overviewOption({ curve, extent, window: null, color: '#0ea5e9', seriesName: 'W', language: 'fr' });
      slots.reduce((sum, slot) => sum + slot.wh, 0);
      totalOffpeakSplit(slots, ['22:00-06:00']);
    }),
  );
  print(
    'before: one wall-clock label per slot and 35,040 values for ECharts',
    time(() => [curveLabels(slots, true), slots.map((slot) => slot.watts)]),
  );
}

if (import.meta.main) {
  runChartOverview();
}
