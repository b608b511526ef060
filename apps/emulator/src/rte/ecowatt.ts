/**
 * EcoWatt v5 (enedis-rte-reference §B3): `GET /open_api/ecowatt/v5/signals`, no parameters, 4 days (D to
 * D+3) with `GenerationFichier`, `jour` (a full date-time with offset), `dvalue` 1–3, `message` and 24
 * hourly `values[{pas, hvalue}]` where hvalue 0 = green with low-carbon production, 1 green, 2 orange,
 * 3 red.
 *
 * - Signals follow the emulator weather: mostly green, orange on the peaks (08–13 h, 18–20 h) of cold
 *   winter working days, red only in severe cold; hvalue 0 at night and on sunny spring/summer middays.
 * - The file is generated at 17:00 Paris (12:15 on Fridays), or `ecowattDelayMinutes` later when RTE
 *   is late. Until today's file exists, D+3 is "first filled with green", as RTE describes.
 * - One served call per client per 15 minutes (emulator clock); earlier calls get 429.
 * - DST days still get 24 `pas` (23/25 is unverified).
 */
import { addDays, isoWeekday, parisDate, parisMidnightUtc } from '@med/core';
import type { FastifyInstance } from 'fastify';
import { sendRteError } from './errors.ts';
import { bearerGuard } from './oauth.ts';
import { randomFor } from './prng.ts';
import { formatRteDateTime, parisTimeOn } from './rte-dates.ts';
import type { RteRuntime } from './runtime.ts';
import { cloudFactor, dailyTemperature, dayKind, normalTemperature } from './weather.ts';

export const ECOWATT_PATH = '/open_api/ecowatt/v5/signals';

export interface EcowattSignal {
  GenerationFichier: string;
  jour: string;
  dvalue: 1 | 2 | 3;
  message: string;
  values: { pas: number; hvalue: 0 | 1 | 2 | 3 }[];
}

/** Day messages; the green one is RTE's exact text (with a typographic apostrophe). */
export const ECOWATT_MESSAGES = {
  1: 'Pas d’alerte.',
  2: 'Système électrique tendu. Les écogestes citoyens sont les bienvenus.',
  3: 'Système électrique très tendu. Coupures inévitables si nous ne baissons pas notre consommation.',
} as const;

/** Hours of the morning and evening peaks, when tension shows first. */
const PEAK_HOURS = new Set([8, 9, 10, 11, 12, 18, 19]);

/** Hourly signal of a date from the weather, before publication rules. */
export function hourlySignals(date: string): (0 | 1 | 2 | 3)[] {
  const cold = normalTemperature(date) - dailyTemperature(date); // > 0 when colder than normal
  const temperature = dailyTemperature(date);
  const working = dayKind(date) === 'weekday';
  const sunny = cloudFactor(date) > 0.6 && Number(date.slice(5, 7)) >= 4 && Number(date.slice(5, 7)) <= 9;
  return Array.from({ length: 24 }, (_, hour) => {
    if (working && PEAK_HOURS.has(hour)) {
      if (temperature < -4 && cold > 8.5) {
        return 3;
      }
      if (temperature < 0 && cold > 6) {
        return 2;
      }
    }
    if (hour <= 5 && temperature > 6) {
      return 0;
    }
    if (sunny && hour >= 11 && hour <= 16) {
      return 0;
    }
    return 1;
  });
}

/** Latest generation of the EcoWatt file at `now`: 17:00 Paris, 12:15 on Fridays, plus RTE's delay. */
function lastGeneration(now: Date, delayMs: number): Date {
  for (let back = 0; back < 3; back++) {
    const date = addDays(parisDate(now), -back);
    const at = new Date(parisTimeOn(date, isoWeekday(date) === 5 ? '12:15' : '17:00').getTime() + delayMs);
    if (at <= now) {
      return at;
    }
  }
  return new Date(parisTimeOn(addDays(parisDate(now), -3), '17:00').getTime() + delayMs);
}

export function ecowattSignals(runtime: RteRuntime): { signals: EcowattSignal[] } {
  const now = runtime.now();
  const today = parisDate(now);
  const generation = lastGeneration(now, runtime.ecowattDelayMinutes * 60_000);
  // A file generated on day G covers G+1..G+3 in the future; later days are still placeholder green.
  const coveredUntil = addDays(parisDate(generation), 3);
  const signals = [0, 1, 2, 3].map((offset): EcowattSignal => {
    const date = addDays(today, offset);
    const hourly = date > coveredUntil ? Array<1>(24).fill(1) : hourlySignals(date);
    const worst = Math.max(...hourly);
    const dvalue = worst >= 3 ? 3 : worst === 2 ? 2 : 1;
    return {
      GenerationFichier: formatRteDateTime(generation),
      jour: formatRteDateTime(parisMidnightUtc(date)),
      dvalue,
      message: ECOWATT_MESSAGES[dvalue],
      values: hourly.map((hvalue, pas) => ({ pas, hvalue })),
    };
  });
  if (runtime.options.ecowattSignalOrder === 'shuffled') {
    shuffle(signals, `ecowatt-order:${today}`);
  }
  return { signals };
}

function shuffle<T>(items: T[], key: string): void {
  const random = randomFor(key);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}

export async function ecowattRoutes(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  app.get(ECOWATT_PATH, { preHandler: bearerGuard(runtime, 'ecowatt') }, async (request, reply) => {
    const nowMs = runtime.now().getTime();
    const minGapMs = runtime.options.ecowattMinIntervalSeconds * 1000;
    const last = runtime.ecowattLastServed.get(request.rteClientId);
    // The window runs from the last *served* call: a client polling every minute still gets data every 15 min.
    if (last !== undefined && nowMs - last < minGapMs) {
      if (runtime.options.retryAfterHeader) {
        reply.header('retry-after', String(Math.ceil((last + minGapMs - nowMs) / 1000)));
      }
      return sendRteError(reply, 429, 'ECOWATT_TOO_MANY_REQUESTS', 'Rate limit exceeded: one call every 15 minutes.');
    }
    runtime.ecowattLastServed.set(request.rteClientId, nowMs);
    return ecowattSignals(runtime);
  });
}
