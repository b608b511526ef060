import { ErrorCode, type EcowattSignalDto, type EcowattStatistics } from '@med/contracts';
import { addDays, isoWeekday, parisDate, parisInstantsOfLocalTime, parisToday } from '@med/core';
import type { CachePort } from '../../cache/cache.port.ts';
import { AppError } from '../../http/app-error.ts';
import type { RteApi } from './rte-api.ts';
import { RteError } from './rte-errors.ts';
import type { EcowattRepository, StoredEcowattDay } from './ecowatt.repository.ts';

/** RTE serves one EcoWatt call per application per 15 minutes (429 otherwise). */
export const ECOWATT_MIN_GAP_MS = 15 * 60_000;
const GATE_KEY = 'rte:ecowatt:last-call';
const HOUR_MS = 3_600_000;

/** Our own 15-minute guard is closed: nothing was sent to RTE. `retryAt` says when a call is allowed. */
export class EcowattCooldown extends AppError {
  readonly retryAt: Date;
  constructor(retryAt: Date, now: Date) {
    super(429, ErrorCode.RATE_LIMIT_EXCEEDED, 'EcoWatt a déjà été interrogé il y a moins de 15 minutes (limite RTE).', {
      headers: { 'retry-after': String(Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000))) },
    });
    this.name = 'EcowattCooldown';
    this.retryAt = retryAt;
  }
}

/** When RTE generates the EcoWatt file: 17:00 Paris, 12:15 on Fridays. Returns the latest such instant ≤ now. */
export function expectedEcowattGeneration(now: Date): Date {
  for (let back = 0; back < 4; back += 1) {
    const date = addDays(parisDate(now), -back);
    const at = parisInstantsOfLocalTime(`${date} ${isoWeekday(date) === 5 ? '12:15' : '17:00'}:00`)[0];
    if (at && at <= now) {
      return at;
    }
  }
  return new Date(now.getTime() - 24 * HOUR_MS);
}

export function toEcowattDto(day: StoredEcowattDay): EcowattSignalDto {
  return {
    periode: day.periode,
    generation_datetime: day.generation_datetime,
    dvalue: day.dvalue,
    message: day.message,
    values: day.values,
    hdebut: 0,
    hfin: Math.max(0, day.values.length - 1),
    pas: 60,
    created_at: day.created_at,
    updated_at: day.updated_at,
  };
}

export function createEcowattService(deps: { ecowatt: EcowattRepository; api: RteApi; cache: CachePort }) {
  const { ecowatt, api, cache } = deps;
  const round1 = (x: number) => Math.round(x * 10) / 10;

  return {
    /**
     * Fetches D..D+3 at most once per 15 minutes across every instance (a shared guard in the cache),
     * because RTE answers 429 otherwise. A failed call that RTE did not serve gives the slot back.
     */
    async sync(signal: AbortSignal | undefined, now = new Date()): Promise<string> {
      const stamp = String(now.getTime());
      if (!(await cache.setIfAbsent(GATE_KEY, stamp, ECOWATT_MIN_GAP_MS))) {
        const last = Number((await cache.get(GATE_KEY))?.toString());
        throw new EcowattCooldown(new Date((Number.isFinite(last) ? last : now.getTime()) + ECOWATT_MIN_GAP_MS), now);
      }
      let days;
      try {
        days = await api.ecowatt(signal);
      } catch (error) {
        if (error instanceof RteError && error.kind === 'throttled') {
          // RTE counts this client as served recently (another instance or tool): wait the full window.
          throw new RteError('throttled', error.message, {
            httpStatus: error.httpStatus,
            rteCode: error.rteCode,
            retryAfterMs: error.retryAfterMs ?? ECOWATT_MIN_GAP_MS,
          });
        }
        await cache.deleteIfEquals(GATE_KEY, stamp);
        throw error;
      }
      await ecowatt.upsert(days, now);
      const worst = Math.max(0, ...days.map((day) => day.dvalue));
      return `${days.length} day(s) ${days[0]?.periode ?? ''}..${days.at(-1)?.periode ?? ''}, worst dvalue ${worst}, file of ${days[0]?.generation ?? 'unknown'}`;
    },

    /**
     * Due when D..D+3 is incomplete, when we have not fetched since RTE's expected generation (17:00,
     * Friday 12:15), or, hourly, while the stored file is still older than that generation (RTE late).
     */
    async isDue(now: Date): Promise<boolean> {
      const today = parisToday(now);
      const stored = await ecowatt.range(today, addDays(today, 3));
      if (stored.length < 4) {
        return true;
      }
      const expected = expectedEcowattGeneration(now);
      const { generation, fetched } = await ecowatt.freshness();
      if (!fetched || fetched < expected.toISOString()) {
        return true;
      }
      const stale = !generation || generation < new Date(expected.getTime() - HOUR_MS).toISOString();
      return stale && fetched < new Date(now.getTime() - HOUR_MS).toISOString();
    },

    async current(now = new Date()): Promise<EcowattSignalDto | null> {
      const day = await ecowatt.get(parisToday(now));
      return day ? toEcowattDto(day) : null;
    },

    async forecast(days: number, now = new Date()): Promise<EcowattSignalDto[]> {
      const today = parisToday(now);
      return (await ecowatt.range(today, addDays(today, days - 1))).map(toEcowattDto);
    },

    async history(start: string, end: string): Promise<EcowattSignalDto[]> {
      return (await ecowatt.range(start, end)).map(toEcowattDto);
    },

    async statistics(year: number): Promise<EcowattStatistics> {
      const days = await ecowatt.range(`${year}-01-01`, `${year}-12-31`);
      const count = (dvalue: number) => days.filter((day) => day.dvalue === dvalue).length;
      const percent = (n: number) => (days.length === 0 ? 0 : round1((100 * n) / days.length));
      const [green, orange, red] = [count(1), count(2), count(3)];
      return {
        year,
        total_days: days.length,
        green_days: green,
        orange_days: orange,
        red_days: red,
        green_percentage: percent(green),
        orange_percentage: percent(orange),
        red_percentage: percent(red),
      };
    },
  };
}
export type EcowattService = ReturnType<typeof createEcowattService>;
