import { Point } from '@influxdata/influxdb-client';
import { parisMidnightUtc, parisToday } from '@med/core';
import type { Db } from '../../../db/database.ts';
import { AppError } from '../../../http/app-error.ts';
import { createCostsService } from '../../costs/costs.service.ts';
import { createOfferCatalogue } from '../../costs/offer-catalogue.ts';
import { storedRange, storedReadings } from '../../ha-statistics/ha-statistics.series.ts';
import { pdlDtoToRow } from '../../pdl/pdl.mapper.ts';
import { createTempoRepository } from '../../rte/tempo.repository.ts';
import type { ClientMeter } from '../../sync/client-meters.repository.ts';

export const COST_MEASUREMENT = 'electricity_cost';

/** The cost lines of one meter, or why it has none (a reason for the run's summary, never a fake value). */
export type MeterCostLines = { lines: string[]; note: string | null } | { lines: null; note: string };

/**
 * The daily cost of a meter with its selected offer, priced by the costs service (the same engine and
 * figures as `GET /api/costs`) over the LOCAL store only: an export never calls the gateway. One point per
 * Paris day and band (`eur`, tags `pdl`, `offer`, `band`) plus `band=subscription`, at the day's midnight;
 * the amounts are unrounded so a month of points adds up to the month's cost to the cent. A day the engine
 * estimates (Tempo colour not published, off-peak windows unknown…) has the field `estimated` = 1, else 0. A
 * field, not a tag: when the day becomes final, the next export overwrites the same point (same series, same
 * instant), so a dashboard's sum never counts a day twice.
 */
export async function costLines(db: Db, meter: ClientMeter, now: Date): Promise<MeterCostLines> {
  const id = meter.usagePointId;
  if (!meter.pdl.selected_offer_id) {
    return { lines: null, note: `${id} : aucune offre choisie, coûts non exportés` };
  }
  const range = await storedRange(db, id, 'consumption');
  if (!range) {
    return { lines: null, note: `${id} : aucune consommation stockée, coûts non exportés` };
  }
  // Data stops at D-1: today's partial readings are not a day's cost.
  const end = range.end < parisToday(now) ? range.end : parisToday(now);
  if (range.start >= end) {
    return { lines: null, note: `${id} : aucun jour complet stocké, coûts non exportés` };
  }
  const tempo = createTempoRepository(db);
  const costs = createCostsService({
    catalogue: createOfferCatalogue(db),
    tempoDays: async (first, last) =>
      (await tempo.range(first, last)).map((day) => ({ date: day.date, colour: day.color })),
    now: () => now,
  });
  let priced: Awaited<ReturnType<typeof costs.dailyCosts>>;
  try {
    priced = await costs.dailyCosts({
      pdl: pdlDtoToRow(meter.pdl),
      start: range.start,
      end,
      read: () => storedReadings(db, id, 'consumption', range.start, end),
    });
  } catch (error) {
    if (error instanceof AppError) {
      return { lines: null, note: `${id} : coûts non exportés (${error.message})` };
    }
    throw error;
  }
  const lines: string[] = [];
  for (const day of priced.daily) {
    const at = String(parisMidnightUtc(day.date).getTime());
    if (!day.exact) {
      throw new Error('dailyCosts answers exact amounts');
    }
    const amounts = [...day.exact.bands, { band: 'subscription', eur: day.exact.subscription_eur }];
    for (const { band, eur } of amounts) {
      const point = new Point(COST_MEASUREMENT)
        .tag('pdl', id)
        .tag('offer', priced.offer.id)
        .tag('band', band)
        .floatField('eur', eur)
        .intField('estimated', day.estimates.length > 0 ? 1 : 0);
      lines.push(point.timestamp(at).toLineProtocol() ?? '');
    }
  }
  const uncovered = priced.uncovered.reduce((sum, entry) => sum + entry.dates.length, 0);
  const note =
    uncovered > 0
      ? `${id} : ${uncovered} jour(s) sans prix connu pour l’offre ${priced.offer.name}, sans point de coût`
      : null;
  return { lines, note };
}
