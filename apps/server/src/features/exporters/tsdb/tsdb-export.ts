import { addDays, parisToday } from '@med/core';
import type { Db } from '../../../db/database.ts';
import { createEcowattRepository } from '../../rte/ecowatt.repository.ts';
import { createTempoRepository } from '../../rte/tempo.repository.ts';
import { readCurve, readDaily, readMaxPower, type Direction } from '../../sync/client-data.repository.ts';
import type { ExportProgress, ExportTarget } from '../exporter.ts';
import { costLines } from './tsdb-costs.ts';
import { ecowattLines, tempoColourLines, tempoDaysLines } from './rte-lines.ts';
import { writeLines, type TsdbDestination } from './tsdb-http.ts';
import { curveLines, dailyLines, maxPowerLines, statsLines } from './tsdb-points.ts';

/** Every stored day: the local store keeps a household's history forever, and so does the export. */
const FIRST_DAY = '1900-01-01';
const AFTER_LAST_DAY = '9999-12-31';

export interface TsdbExportOptions {
  db: Db;
  target: Pick<ExportTarget, 'meters' | 'scope'>;
  destination: TsdbDestination;
  /** Tempo and EcoWatt series (the household's exporters usually want them once, not per meter). */
  includeRte: boolean;
  now: Date;
  signal: AbortSignal;
  progress: (event: ExportProgress) => void;
}

/**
 * Writes the whole stored history of the target's meters, then Tempo and EcoWatt. A re-run writes the
 * same series at the same timestamps (InfluxDB overwrites; VictoriaMetrics keeps one sample per
 * timestamp with deduplication on, as the README asks). Returns the points written per kind.
 */
export async function exportToTsdb(
  options: TsdbExportOptions,
): Promise<{ counts: Record<string, number>; notes: string[] }> {
  const { db, target, destination, signal } = options;
  const counts: Record<string, number> = {};
  const notes: string[] = [];
  const send = async (kind: string, step: string, lines: string[]) => {
    if (lines.length === 0) {
      return;
    }
    await writeLines(destination, lines, signal);
    counts[kind] = (counts[kind] ?? 0) + lines.length;
    options.progress({ step, counts: { ...counts } });
  };

  const directions: Direction[] = [
    ...(target.scope.consumption ? (['consumption'] as const) : []),
    ...(target.scope.production ? (['production'] as const) : []),
  ];
  for (const meter of target.meters) {
    const id = meter.usagePointId;
    for (const direction of directions) {
      if (target.scope.daily) {
        const daily = await readDaily(db, id, direction, FIRST_DAY, AFTER_LAST_DAY);
        await send(`${direction}_daily`, `${id} ${direction} daily`, dailyLines(id, direction, daily));
        await send('stats', `${id} ${direction} stats`, statsLines(id, direction, daily));
      }
      if (target.scope.detailed) {
        const curve = await readCurve(db, id, direction, FIRST_DAY, AFTER_LAST_DAY);
        await send(`${direction}_detailed`, `${id} ${direction} detailed`, curveLines(id, direction, curve));
      }
    }
    if (target.scope.consumption && target.scope.daily) {
      const maxPower = await readMaxPower(db, id, FIRST_DAY, AFTER_LAST_DAY);
      await send('max_power', `${id} max power`, maxPowerLines(id, maxPower));
    }
    if (target.scope.consumption && target.scope.daily) {
      const cost = await costLines(db, meter, options.now);
      if (cost.note) {
        notes.push(cost.note);
      }
      await send('cost', `${id} cost`, cost.lines ?? []);
    }
  }

  if (options.includeRte) {
    const today = parisToday(options.now);
    const tempo = await createTempoRepository(db).range(FIRST_DAY, addDays(today, 2));
    await send('tempo', 'tempo', [...tempoColourLines(tempo), ...tempoDaysLines(tempo, today)]);
    const ecowatt = await createEcowattRepository(db).range(FIRST_DAY, AFTER_LAST_DAY);
    await send('ecowatt', 'ecowatt', ecowattLines(ecowatt));
  }
  return { counts, notes };
}
