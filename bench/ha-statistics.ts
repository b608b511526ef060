// Home Assistant Energy statistics: a full import of 2 years of hourly data against the HA WebSocket
// emulator (protocol and recorder validation enforced), from a client store on SQLite. Two meters: HC/HP
// (2 consumption bands + 2 cost series + production) and Tempo (6 + 6 + production, more than the issue's
// 3 + 3 + 1). Target < 10 s (the reference takes about 350 s: 500-row chunks with a 10 s pause between
// them). Also: an incremental run with nothing new (HA's 2 years read back and compared) and one new day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, addMonths, eachDay, parisToday } from '@med/core';
import { connectDatabase } from '../apps/server/src/db/connect.ts';
import { migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { createHaStatisticsService } from '../apps/server/src/features/ha-statistics/ha-statistics.service.ts';
import { startHaEmulator } from '../apps/server/test/support/ha-emulator.ts';
import {
  halfHours,
  storeCurve,
  storeMeter,
  storeOffer,
  storeTempo,
  varyingWatts,
} from '../apps/server/test/support/ha-statistics-helpers.ts';

const HC_PRM = '12345678901234';
const TEMPO_PRM = '23456789012345';
const CHUNK_SIZE = 1000;

function tempoColours(days: readonly string[]): Record<string, 'BLUE' | 'WHITE' | 'RED'> {
  const colours: Record<string, 'BLUE' | 'WHITE' | 'RED'> = {};
  days.forEach((day, index) => {
    colours[day] = index % 17 === 0 ? 'RED' : index % 7 === 0 ? 'WHITE' : 'BLUE';
  });
  return colours;
}

export async function runHaStatistics(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'med-bench-ha-'));
  const handle = connectDatabase(`sqlite:${join(dir, 'client.db')}`);
  const ha = await startHaEmulator();
  try {
    await migrateToLatest(handle);
    const db = handle.db;
    const today = parisToday(new Date());
    const start = addDays(addMonths(today, -24), 1);
    const days = eachDay(start, today);
    const lastDay = days.pop() ?? today;
    const slots = halfHours(days, varyingWatts);
    await storeMeter(db, HC_PRM, {
      pricing_option: 'HC_HP',
      offpeak: ['01:30-07:30', '12:30-14:30'],
      selected_offer_id: await storeOffer(db, 'HC_HP', { hp: 0.2516, hc: 0.1828 }),
    });
    await storeMeter(db, TEMPO_PRM, {
      pricing_option: 'TEMPO',
      selected_offer_id: await storeOffer(db, 'TEMPO', {
        tempo_blue_hc: 0.1288,
        tempo_blue_hp: 0.1552,
        tempo_white_hc: 0.1447,
        tempo_white_hp: 0.1792,
        tempo_red_hc: 0.1518,
        tempo_red_hp: 0.6586,
      }),
    });
    await storeTempo(db, tempoColours([addDays(start, -1), ...days, lastDay]));
    for (const prm of [HC_PRM, TEMPO_PRM]) {
      await storeCurve(db, prm, slots);
      await storeCurve(
        db,
        prm,
        slots.map((slot) => ({ ...slot, watts: slot.minute >= 600 && slot.minute < 1000 ? 800 : 0 })),
        'production',
      );
    }
    const service = createHaStatisticsService({ db });
    const options = { clearFirst: false, incremental: false, chunkSize: CHUNK_SIZE };
    for (const [label, prm] of [
      ['HC/HP (2 + 2 cost + production)', HC_PRM],
      ['Tempo (6 + 6 cost + production)', TEMPO_PRM],
    ] as const) {
      const target = { url: ha.url, token: 'admin-token', prefix: 'myelectricaldata', usagePointIds: [prm] };
      const began = performance.now();
      const report = await service.import(target, options);
      const seconds = (performance.now() - began) / 1000;
      const rows = report.consumption + report.cost + report.production;
      console.log(
        `ha-statistics full import, ${label}: ${report.series.length} series, ${rows} rows (${days.length} days, ${CHUNK_SIZE} per message) in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s (target < 10 s; reference ≈ 350 s)`,
      );
      const noop = performance.now();
      const unchanged = await service.import(target, { ...options, incremental: true });
      console.log(
        `ha-statistics incremental, ${label}, nothing new (2 years read back and compared): ${((performance.now() - noop) / 1000).toFixed(2)} s, ${unchanged.consumption + unchanged.cost + unchanged.production} rows sent`,
      );
    }
    await storeCurve(db, TEMPO_PRM, halfHours([lastDay], varyingWatts));
    const target = { url: ha.url, token: 'admin-token', prefix: 'myelectricaldata', usagePointIds: [TEMPO_PRM] };
    const began = performance.now();
    const next = await service.import(target, { ...options, incremental: true });
    console.log(
      `ha-statistics incremental, Tempo, one new day: ${((performance.now() - began) / 1000).toFixed(2)} s, ${next.consumption + next.cost} consumption + cost rows sent`,
    );
  } finally {
    await ha.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  await runHaStatistics();
}
