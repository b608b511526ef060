/**
 * The price bands of one Paris day for one offer, as wall-clock segments `[from, to)` in minutes of
 * the day (0–1440). Rules: `shared/data/offers/tariff-rules.md`. Wall-clock minutes make DST nights
 * right by construction: the 22:00–06:00 night of the last Saturday of March holds 7 real hours and
 * the October one 9, because the intervals of the load curve are whatever the meter measured.
 */
import { addDays } from '../time/calendar.ts';
import { minutesOfClock } from '../offpeak.ts';
import type { TempoColour } from '../tempo/colours.ts';
import { bandIndex } from './bands.ts';
import { valueOn } from './dated.ts';
import type { DayCalendar, EstimateReason, HcSchedule, OfferType, TariffContext } from './types.ts';

export const MINUTES_PER_DAY = 1440;

/** A wall-clock span of the day priced at one band (index into `OFFER_BANDS[type]`). */
export interface Segment {
  from: number;
  to: number;
  band: number;
}

export interface DayPlan {
  /** Ordered, contiguous, covering `[0, 1440)`. */
  segments: readonly Segment[];
  estimates: EstimateReason[];
}

/** Tempo off-peak hours are the same for everyone, 22:00–06:00 (Arrêté 2014); the tariff day starts at 06:00. */
const TEMPO_HC_UNTIL = 6 * 60;
const TEMPO_HC_FROM = 22 * 60;
/** Zen Flex off-peak hours when a record does not carry them: all but 08:00–13:00 and 18:00–20:00. */
const ZEN_FLEX_OFFPEAK = ['00:00-08:00', '13:00-18:00', '20:00-24:00'];
/** Fallback when the delivery point's windows are unknown (tariff-rules §2); flagged as an estimate. */
const FALLBACK_OFFPEAK = ['22:00-06:00'];
const EJP_PEAK_FROM = 7 * 60;
const EJP_PEAK_UNTIL_NEXT_DAY = 60;
const WINTER_MONTHS = new Set([11, 12, 1, 2, 3]);

export interface PlanDay {
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  month: number;
}

const isWeekend = (day: PlanDay) => day.weekday >= 6;

/**
 * Splits the day at the windows' edges: minutes inside a window get `inside`, the others `outside`.
 * Windows are `HH:MM-HH:MM`, end exclusive, `24:00` allowed, wrapping past midnight when end < start.
 */
export function windowSegments(windows: readonly string[], inside: number, outside: number): readonly Segment[] {
  // Every day of a year usually has the same windows: parse them once (segments are never mutated).
  const key = `${inside}/${outside}/${windows.join(',')}`;
  let segments = windowCache.get(key);
  if (!segments) {
    segments = parseWindows(windows, inside, outside);
    if (windowCache.size >= WINDOW_CACHE_LIMIT) {
      windowCache.clear();
    }
    windowCache.set(key, segments);
  }
  return segments;
}

const WINDOW_CACHE_LIMIT = 1000;
const windowCache = new Map<string, readonly Segment[]>();

function parseWindows(windows: readonly string[], inside: number, outside: number): Segment[] {
  const spans: [number, number][] = [];
  for (const window of windows) {
    const [startText, endText] = window.split('-');
    const start = minutesOfClock(startText ?? '');
    const end = minutesOfClock(endText ?? '');
    if (start < end) {
      spans.push([start, end]);
    } else if (start > end) {
      spans.push([start, MINUTES_PER_DAY], [0, end]);
    }
  }
  const edges = [...new Set([0, MINUTES_PER_DAY, ...spans.flat()])].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const from = edges[i] ?? 0;
    const to = edges[i + 1] ?? MINUTES_PER_DAY;
    const band = spans.some(([start, end]) => from >= start && to <= end) ? inside : outside;
    const last = segments.at(-1);
    if (last && last.band === band) {
      last.to = to;
    } else {
      segments.push({ from, to, band });
    }
  }
  return segments;
}

const wholeDay = (band: number): readonly Segment[] => [{ from: 0, to: MINUTES_PER_DAY, band }];

/** The offer's own windows for that day, if it has any (`weekday`/`weekend` win over `default`). */
function scheduleWindows(schedule: HcSchedule | null, day: PlanDay): readonly string[] | undefined {
  if (!schedule) {
    return undefined;
  }
  return (isWeekend(day) ? schedule.weekend : schedule.weekday) ?? schedule.default;
}

/** Off-peak windows: the offer's own, else the delivery point's on that date, else the flagged fallback. */
function offpeakWindows(
  schedule: HcSchedule | null,
  day: PlanDay,
  context: TariffContext,
  estimates: EstimateReason[],
): readonly string[] {
  const own = scheduleWindows(schedule, day);
  if (own) {
    return own;
  }
  const contract = context.offpeak ? valueOn(context.offpeak, day.date) : undefined;
  if (contract && contract.length > 0) {
    return contract;
  }
  estimates.push('HC_WINDOWS_UNKNOWN');
  return FALLBACK_OFFPEAK;
}

/** True/false when the calendar covers the date, undefined when it does not (unknown). */
function calendarSays(calendar: DayCalendar | undefined, date: string): boolean | undefined {
  if (!calendar || date < calendar.start || date >= calendar.end) {
    return undefined;
  }
  return calendar.days.has(date);
}

/** EJP peak days lie between 1 November and 31 March (Arrêté 2014): other dates need no calendar. */
const canBeEjpPeak = (date: string) => WINTER_MONTHS.has(Number(date.slice(5, 7)));

function tempoPlan(day: PlanDay, context: TariffContext, estimates: EstimateReason[]): readonly Segment[] {
  const colourOf = (date: string): TempoColour => {
    const colour = context.tempo?.get(date);
    if (!colour) {
      estimates.push('TEMPO_COLOUR_UNKNOWN');
      return 'BLUE';
    }
    return colour;
  };
  const band = (colour: TempoColour, offpeak: boolean) =>
    bandIndex('TEMPO', `tempo_${colour.toLowerCase()}_${offpeak ? 'hc' : 'hp'}`);
  // 00:00–06:00 belongs to the previous tariff day (tariff-rules §3).
  const previous = colourOf(addDays(day.date, -1));
  const today = colourOf(day.date);
  return [
    { from: 0, to: TEMPO_HC_UNTIL, band: band(previous, true) },
    { from: TEMPO_HC_UNTIL, to: TEMPO_HC_FROM, band: band(today, false) },
    { from: TEMPO_HC_FROM, to: MINUTES_PER_DAY, band: band(today, true) },
  ];
}

function ejpPlan(day: PlanDay, context: TariffContext, estimates: EstimateReason[]): Segment[] {
  const normal = bandIndex('EJP', 'ejp_normal');
  const peak = bandIndex('EJP', 'ejp_peak');
  const isPeak = (date: string): boolean => {
    if (!canBeEjpPeak(date)) {
      return false;
    }
    const known = calendarSays(context.ejpPeakDays, date);
    if (known === undefined) {
      estimates.push('EJP_CALENDAR_MISSING');
      return false;
    }
    return known;
  };
  // Peak hours run 07:00 → 01:00 the next day (tariff-rules §4).
  const segments: Segment[] = [];
  if (isPeak(addDays(day.date, -1))) {
    segments.push({ from: 0, to: EJP_PEAK_UNTIL_NEXT_DAY, band: peak });
  }
  const todayPeak = isPeak(day.date);
  const from = segments.length > 0 ? EJP_PEAK_UNTIL_NEXT_DAY : 0;
  if (todayPeak) {
    segments.push({ from, to: EJP_PEAK_FROM, band: normal }, { from: EJP_PEAK_FROM, to: MINUTES_PER_DAY, band: peak });
  } else {
    segments.push({ from, to: MINUTES_PER_DAY, band: normal });
  }
  return segments;
}

function zenFlexPlan(
  day: PlanDay,
  schedule: HcSchedule | null,
  context: TariffContext,
  estimates: EstimateReason[],
): readonly Segment[] {
  let sobriety = calendarSays(context.zenFlexSobrietyDays, day.date);
  if (sobriety === undefined) {
    estimates.push('ZEN_FLEX_CALENDAR_MISSING');
    sobriety = false;
  }
  const kind = sobriety ? 'sobriety' : 'eco';
  const windows = scheduleWindows(schedule, day) ?? ZEN_FLEX_OFFPEAK;
  return windowSegments(
    windows,
    bandIndex('ZEN_FLEX', `zen_flex_${kind}_hc`),
    bandIndex('ZEN_FLEX', `zen_flex_${kind}_hp`),
  );
}

/**
 * The plan of `day` for an offer of `type` whose record on that day has `schedule` and `prices`.
 * `prices` only matters for HC_WEEKEND, whose week-end is one price when `hp_weekend` = `hc_weekend`.
 */
export function dayPlan(
  type: OfferType,
  day: PlanDay,
  schedule: HcSchedule | null,
  prices: Readonly<Record<string, number>>,
  context: TariffContext,
): DayPlan {
  const estimates: EstimateReason[] = [];
  const segments = ((): readonly Segment[] => {
    switch (type) {
      case 'BASE':
        return wholeDay(0);
      case 'BASE_WEEKEND':
        return wholeDay(bandIndex(type, isWeekend(day) ? 'base_weekend' : 'base'));
      case 'HC_HP':
        return windowSegments(offpeakWindows(schedule, day, context, estimates), 1, 0);
      case 'HC_WEEKEND':
        if (isWeekend(day) && prices['hp_weekend'] === prices['hc_weekend']) {
          // The whole week-end at the single week-end price (tariff-rules §6): no windows needed.
          return wholeDay(bandIndex(type, 'hc_weekend'));
        }
        return isWeekend(day)
          ? windowSegments(
              offpeakWindows(schedule, day, context, estimates),
              bandIndex(type, 'hc_weekend'),
              bandIndex(type, 'hp_weekend'),
            )
          : windowSegments(offpeakWindows(schedule, day, context, estimates), 1, 0);
      case 'HC_NUIT_WEEKEND':
        // Week-ends are off-peak all day (tariff-rules §6) even when the record has no schedule.
        return isWeekend(day) && !schedule
          ? wholeDay(1)
          : windowSegments(offpeakWindows(schedule, day, context, estimates), 1, 0);
      case 'SEASONAL': {
        const season = WINTER_MONTHS.has(day.month) ? 'winter' : 'summer';
        return windowSegments(
          offpeakWindows(schedule, day, context, estimates),
          bandIndex(type, `hc_${season}`),
          bandIndex(type, `hp_${season}`),
        );
      }
      case 'TEMPO':
        return tempoPlan(day, context, estimates);
      case 'EJP':
        return ejpPlan(day, context, estimates);
      case 'ZEN_FLEX':
        return zenFlexPlan(day, schedule, context, estimates);
    }
  })();
  return { segments, estimates: [...new Set(estimates)] };
}
