/**
 * The statistics of one meter as Home Assistant imports them, computed from the client's local store:
 * hourly consumption per price band of the meter's option, energy cost per band from its selected offer
 * (catalogue records, never constants), and production. Values are kept as integers of a base unit
 * (watt-minutes, micro-euros) so sums are exact; the series' scale turns them into Wh / EUR.
 */
import type { Pdl } from '@med/contracts';
import {
  addDays,
  hourlyBands,
  isOfferType,
  formatParisIsoMs,
  prepareConsumption,
  toTempoCalendar,
  type Consumption,
  type CurveInterval,
  type DatedReason,
  type HourlyEstimate,
  type HourlySkipReason,
  type OfferType,
  type PriceRecord,
  type TariffContext,
  type UncoveredReason,
} from '@med/core';
import type { Db } from '../../db/database.ts';
import { createOfferCatalogue } from '../costs/offer-catalogue.ts';
import { createTempoRepository } from '../rte/tempo.repository.ts';
import { datasetExtent, readCurve, readDaily, type Direction } from '../sync/client-data.repository.ts';
import { findMeter } from '../sync/client-meters.repository.ts';

export type SeriesKind = 'consumption' | 'cost' | 'production';

/** `recorder/import_statistics` metadata as current HA wants it (integrations-reference §2.2, §2.7). */
export interface StatisticMetadata {
  statistic_id: string;
  source: string;
  name: string;
  unit_of_measurement: 'Wh' | 'EUR';
  has_sum: true;
  mean_type: 0;
  unit_class: 'energy' | null;
}

export interface StatisticSeries {
  kind: SeriesKind;
  /** Price key of the band (`hc`, `tempo_blue_hp`…), null for production. */
  band: string | null;
  metadata: StatisticMetadata;
  /** Hour starts, UTC ms, ascending. */
  starts: number[];
  /** Value of each hour in base units (watt-minutes or micro-euros), integers. */
  values: number[];
  /** Base units per series unit: 60 W·min per Wh, 1,000,000 µ€ per EUR. */
  scale: number;
}

export interface MeterStatistics {
  usagePointId: string;
  /** The option whose bands consumption is filed under. */
  option: OfferType;
  /** Where the option comes from: the selected offer, the contract's pricing option, or the BASE default. */
  optionSource: 'selected_offer' | 'contract' | 'default';
  /** The selected offer used for costs; null when none is selected or the local catalogue lacks it. */
  offer: { id: string; name: string } | null;
  series: StatisticSeries[];
  skipped: DatedReason<HourlySkipReason>[];
  estimates: DatedReason<HourlyEstimate>[];
  unpriced: DatedReason<UncoveredReason>[];
  productionSkipped: DatedReason<HourlySkipReason>[];
}

const WATT_MINUTES_PER_WH = 60;
const MICRO_PER_EURO = 1_000_000;
/** A statistic id's object part allows lowercase letters, digits and `_` only (recorder VALID_STATISTIC_ID). */
const bandName = (band: string) => band.replace(/^tempo_/, '');

const BAND_LABELS: Record<string, string> = {
  base: 'Base',
  hp: 'Heures pleines',
  hc: 'Heures creuses',
  tempo_blue_hc: 'Tempo bleu HC',
  tempo_blue_hp: 'Tempo bleu HP',
  tempo_white_hc: 'Tempo blanc HC',
  tempo_white_hp: 'Tempo blanc HP',
  tempo_red_hc: 'Tempo rouge HC',
  tempo_red_hp: 'Tempo rouge HP',
  ejp_normal: 'EJP normal',
  ejp_peak: 'EJP pointe',
  base_weekend: 'Base week-end',
  hp_weekend: 'HP week-end',
  hc_weekend: 'HC week-end',
};

export function statisticId(prefix: string, kind: SeriesKind, usagePointId: string, band: string | null): string {
  return band === null ? `${prefix}:${kind}_${usagePointId}` : `${prefix}:${kind}_${usagePointId}_${bandName(band)}`;
}

function metadataOf(prefix: string, kind: SeriesKind, usagePointId: string, band: string | null): StatisticMetadata {
  const label = band === null ? '' : ` — ${BAND_LABELS[band] ?? band}`;
  const what = kind === 'consumption' ? 'Consommation' : kind === 'cost' ? 'Coût' : 'Production';
  return {
    statistic_id: statisticId(prefix, kind, usagePointId, band),
    source: prefix,
    name: `Linky ${usagePointId} ${what}${label}`,
    unit_of_measurement: kind === 'cost' ? 'EUR' : 'Wh',
    has_sum: true,
    mean_type: 0,
    unit_class: kind === 'cost' ? null : 'energy',
  };
}

/** The stored load curve and daily totals of `[start, end)` as the tariff engine reads them (unprepared). */
export async function storedReadings(
  db: Db,
  usagePointId: string,
  direction: Direction,
  start: string,
  end: string,
): Promise<Consumption> {
  const [curve, daily] = await Promise.all([
    readCurve(db, usagePointId, direction, start, end),
    readDaily(db, usagePointId, direction, start, end),
  ]);
  const intervals = curve.map((row): CurveInterval => {
    const startMs = Date.parse(row.startAt);
    // `YYYY-MM-DDTHH:MM:SS+hh:mm`: the Paris wall clock without a time-zone lookup per point.
    const paris = formatParisIsoMs(startMs);
    return {
      start: startMs,
      minutes: row.minutes,
      watts: row.valueW,
      date: row.day,
      minuteOfDay: Number(paris.slice(11, 13)) * 60 + Number(paris.slice(14, 16)),
    };
  });
  return { curve: intervals, daily: daily.map((row) => ({ date: row.day, wh: row.valueWh })) };
}

async function storedConsumption(db: Db, usagePointId: string, direction: Direction, start: string, end: string) {
  return prepareConsumption(start, end, await storedReadings(db, usagePointId, direction, start, end));
}

/** `[first stored day, last stored day + 1)` of a direction, or null when nothing is stored. */
export async function storedRange(db: Db, usagePointId: string, direction: Direction) {
  const [daily, curve] = await Promise.all([
    datasetExtent(db, 'client_daily', usagePointId, direction),
    datasetExtent(db, 'client_curve', usagePointId, direction),
  ]);
  const firsts = [daily.oldestDay, curve.oldestDay].filter((day): day is string => day !== null);
  const lasts = [daily.newestDay, curve.newestDay].filter((day): day is string => day !== null);
  if (firsts.length === 0 || lasts.length === 0) {
    return null;
  }
  return { start: firsts.sort()[0] as string, end: addDays(lasts.sort().at(-1) as string, 1) };
}

async function selectedOffer(db: Db, pdl: Pdl) {
  if (!pdl.selected_offer_id) {
    return null;
  }
  return createOfferCatalogue(db).offerOf(pdl.selected_offer_id);
}

/** The meter's statistics, or null when the meter is unknown to the local store. */
export async function meterStatistics(db: Db, usagePointId: string, prefix: string): Promise<MeterStatistics | null> {
  const meter = await findMeter(db, usagePointId);
  if (!meter) {
    return null;
  }
  const pdl = meter.pdl;
  const offer = await selectedOffer(db, pdl);
  let option: OfferType = 'BASE';
  let optionSource: MeterStatistics['optionSource'] = 'default';
  if (offer) {
    option = offer.offer.offer_type;
    optionSource = 'selected_offer';
  } else if (pdl.pricing_option && isOfferType(pdl.pricing_option)) {
    option = pdl.pricing_option;
    optionSource = 'contract';
  }
  const records: PriceRecord[] = offer?.records ?? [];
  const series: StatisticSeries[] = [];
  const result: MeterStatistics = {
    usagePointId,
    option,
    optionSource,
    offer: offer ? { id: offer.offer.id, name: offer.offer.name } : null,
    series,
    skipped: [],
    estimates: [],
    unpriced: [],
    productionSkipped: [],
  };

  const consumptionRange = await storedRange(db, usagePointId, 'consumption');
  if (consumptionRange) {
    const { start, end } = consumptionRange;
    const tempo = await createTempoRepository(db).range(addDays(start, -1), end);
    const context: TariffContext = {
      powers: pdl.subscribed_power === null ? [] : [{ start: '0000-01-01', end: null, value: pdl.subscribed_power }],
      offpeak: pdl.offpeak_hours?.ranges.length
        ? [{ start: '0000-01-01', end: null, value: pdl.offpeak_hours.ranges }]
        : [],
      tempo: toTempoCalendar(tempo.map((day) => ({ date: day.date, colour: day.color }))),
    };
    const hourly = hourlyBands(
      option,
      records,
      await storedConsumption(db, usagePointId, 'consumption', start, end),
      context,
    );
    result.skipped = hourly.skipped;
    result.estimates = hourly.estimates;
    result.unpriced = hourly.unpriced;
    const starts = hourly.rows.map((row) => row.start);
    hourly.bands.forEach((band, b) => {
      series.push({
        kind: 'consumption',
        band,
        metadata: metadataOf(prefix, 'consumption', usagePointId, band),
        starts,
        values: hourly.rows.map((row) => row.wattMinutes[b] ?? 0),
        scale: WATT_MINUTES_PER_WH,
      });
    });
    if (records.length > 0) {
      // Hours of days without a price are left out of the cost series (their sum simply does not grow).
      const priced = hourly.rows.filter((row) => row.microEuros !== null);
      hourly.bands.forEach((band, b) => {
        series.push({
          kind: 'cost',
          band,
          metadata: metadataOf(prefix, 'cost', usagePointId, band),
          starts: priced.map((row) => row.start),
          values: priced.map((row) => row.microEuros?.[b] ?? 0),
          scale: MICRO_PER_EURO,
        });
      });
    }
  }

  const productionRange = await storedRange(db, usagePointId, 'production');
  if (productionRange) {
    const { start, end } = productionRange;
    // Production has one band all day: BASE's plan, without prices.
    const hourly = hourlyBands('BASE', [], await storedConsumption(db, usagePointId, 'production', start, end), {
      powers: [],
    });
    result.productionSkipped = hourly.skipped;
    series.push({
      kind: 'production',
      band: null,
      metadata: metadataOf(prefix, 'production', usagePointId, null),
      starts: hourly.rows.map((row) => row.start),
      values: hourly.rows.map((row) => row.wattMinutes[0] ?? 0),
      scale: WATT_MINUTES_PER_WH,
    });
  }
  return result;
}
