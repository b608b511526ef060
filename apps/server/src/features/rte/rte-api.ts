import { formatParisIso, isTempoColour, parisMidnightUtc, type TempoColour } from '@med/core';
import { z } from 'zod';
import type { RteClient } from './rte.client.ts';
import { RteError } from './rte-errors.ts';

/** RTE resources (enedis-rte-reference part B). */
export const RTE_PATHS = {
  tempo: '/open_api/tempo_like_supply_contract/v1/tempo_like_calendars',
  ecowatt: '/open_api/ecowatt/v5/signals',
  shortTerm: '/open_api/consumption/v1/short_term',
  weekly: '/open_api/consumption/v1/weekly_forecasts',
  generation: '/open_api/generation_forecast/v3/forecasts',
} as const;

/** RTE wants Paris wall-clock time with a colon in the offset; URLSearchParams turns `+` into `%2B`. */
export function rteDate(date: string): string {
  return formatParisIso(parisMidnightUtc(date));
}

export interface RteTempoValue {
  date: string;
  /** Missing on RTE's known hole (2022-12-28): the day is skipped, not guessed. */
  color: TempoColour | undefined;
  rteUpdatedDate: string | null;
}

export interface EcowattDay {
  periode: string;
  generation: string;
  dvalue: number;
  message: string;
  hourly: number[];
}

export interface RteSlotValue {
  start: Date;
  end: Date;
  value: number;
  updated: Date | null;
}

export interface RteSeries {
  type: string;
  productionType?: string;
  values: RteSlotValue[];
}

const slot = z.looseObject({
  start_date: z.string(),
  end_date: z.string(),
  value: z.number(),
  updated_date: z.string().optional(),
});
const tempoBody = z.looseObject({
  tempo_like_calendars: z.looseObject({
    values: z.array(
      z.looseObject({ start_date: z.string(), value: z.string().optional(), updated_date: z.string().optional() }),
    ),
  }),
});
const ecowattBody = z.looseObject({
  signals: z.array(
    z.looseObject({
      GenerationFichier: z.string(),
      jour: z.string(),
      dvalue: z.number().int(),
      message: z.string().default(''),
      values: z.array(z.looseObject({ pas: z.number().int(), hvalue: z.number().int() })),
    }),
  ),
});
const shortTermBody = z.looseObject({
  short_term: z.array(z.looseObject({ type: z.string(), values: z.array(slot) })),
});
const weeklyBody = z.looseObject({
  weekly_forecasts: z.array(
    z.looseObject({
      updated_date: z.string().optional(),
      values: z.array(slot.extend({ updated_date: z.string().optional() })),
    }),
  ),
});
const generationBody = z.looseObject({
  forecasts: z.array(z.looseObject({ production_type: z.string(), type: z.string(), values: z.array(slot) })),
});

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) {
    throw new RteError(
      'invalid_response',
      `Réponse RTE inattendue (${what}) : ${result.error.issues[0]?.message ?? 'forme inconnue'}.`,
    );
  }
  return result.data;
}

const instant = (text: string): Date => {
  const parsed = new Date(text);
  if (Number.isNaN(parsed.getTime())) {
    throw new RteError('invalid_response', `Date RTE illisible : ${text}.`);
  }
  return parsed;
};

function toSlot(value: z.infer<typeof slot>, fallbackUpdated?: string): RteSlotValue {
  const updated = value.updated_date ?? fallbackUpdated;
  return {
    start: instant(value.start_date),
    end: instant(value.end_date),
    value: value.value,
    updated: updated ? instant(updated) : null,
  };
}

/** Typed calls on the RTE APIs; every answer is checked before anything is stored. */
export function createRteApi(client: RteClient) {
  return {
    /** Tempo colours of `[start, endExclusive)` (Paris days). RTE answers newest first; we keep its order. */
    async tempo(start: string, endExclusive: string, signal?: AbortSignal): Promise<RteTempoValue[]> {
      const body = await client.get(
        RTE_PATHS.tempo,
        { start_date: rteDate(start), end_date: rteDate(endExclusive) },
        { signal },
      );
      return parse(tempoBody, body, 'tempo').tempo_like_calendars.values.map((value) => ({
        // RTE writes Paris wall-clock dates, so the first ten characters are the Paris calendar date.
        date: value.start_date.slice(0, 10),
        color: isTempoColour(value.value) ? value.value : undefined,
        rteUpdatedDate: value.updated_date ? instant(value.updated_date).toISOString() : null,
      }));
    },

    /** EcoWatt D..D+3, sorted by date (RTE's order is not reliable), hourly values sorted by `pas`. */
    async ecowatt(signal?: AbortSignal): Promise<EcowattDay[]> {
      const body = await client.get(RTE_PATHS.ecowatt, {}, { signal });
      return parse(ecowattBody, body, 'ecowatt')
        .signals.map((day) => ({
          // `jour` is a Paris date-time (`2024-01-15T00:00:00+01:00`) or, in MED's docs, a bare date.
          periode: day.jour.slice(0, 10),
          generation: instant(day.GenerationFichier).toISOString(),
          dvalue: day.dvalue,
          message: day.message,
          hourly: [...day.values].sort((a, b) => a.pas - b.pas).map((value) => value.hvalue),
        }))
        .sort((a, b) => a.periode.localeCompare(b.periode));
    },

    /** Short-term national consumption of `[start, endExclusive)`; every type when `types` is omitted. */
    async shortTerm(start: string, endExclusive: string, signal?: AbortSignal, types?: string[]): Promise<RteSeries[]> {
      const query: Record<string, string> = { start_date: rteDate(start), end_date: rteDate(endExclusive) };
      if (types) {
        query.type = types.join(',');
      }
      const body = await client.get(RTE_PATHS.shortTerm, query, { signal });
      return parse(shortTermBody, body, 'consumption').short_term.map((series) => ({
        type: series.type,
        values: series.values.map((value) => toSlot(value)),
      }));
    },

    /** D+3..D+9 forecasts, flattened into one `WEEKLY` series. */
    async weekly(signal?: AbortSignal): Promise<RteSeries> {
      const body = await client.get(RTE_PATHS.weekly, {}, { signal });
      const days = parse(weeklyBody, body, 'weekly_forecasts').weekly_forecasts;
      return {
        type: 'WEEKLY',
        values: days.flatMap((day) => day.values.map((value) => toSlot(value, day.updated_date))),
      };
    },

    /** Generation forecasts of one type over `[start, endExclusive)`, every production type. */
    async generation(
      type: 'ID' | 'D-1' | 'CURRENT',
      start: string,
      endExclusive: string,
      signal?: AbortSignal,
    ): Promise<RteSeries[]> {
      const body = await client.get(
        RTE_PATHS.generation,
        { type, start_date: rteDate(start), end_date: rteDate(endExclusive) },
        { signal },
      );
      return parse(generationBody, body, 'generation_forecast').forecasts.map((series) => ({
        type: series.type,
        productionType: series.production_type,
        values: series.values.map((value) => toSlot(value)),
      }));
    },
  };
}
export type RteApi = ReturnType<typeof createRteApi>;
