import { ErrorCode, type EcowattRefreshStatus, type EcowattSignalDto, type EcowattStatistics } from '@med/contracts';
import { addDays, isoWeekday, parisDate, parisInstantsOfLocalTime, parisToday } from '@med/core';
import type { CachePort } from '../../cache/cache.port.ts';
import { AppError } from '../../http/app-error.ts';
import type { EcowattDay, RteApi } from './rte-api.ts';
import { RteError } from './rte-errors.ts';
import type { EcowattRepository, StoredEcowattDay } from './ecowatt.repository.ts';

/** RTE serves one EcoWatt call per application per 15 minutes (429 otherwise). */
export const ECOWATT_MIN_GAP_MS = 15 * 60_000;
const GATE_KEY = 'rte:ecowatt:last-call';
const HOUR_MS = 3_600_000;
/**
 * While RTE's file is late, the hourly fire asks again when our last fetch is older than this. Less than
 * an hour: the previous fire fetched about an hour ago, give or take its jitter, and "more than an hour"
 * would skip every other hour.
 */
const STALE_RETRY_GAP_MS = 45 * 60_000;

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
    id: Number(day.periode.replaceAll('-', '')),
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

  /**
   * The one way EcoWatt is fetched (scheduled job, admin refresh, admin connection test): at most once
   * per 15 minutes across every instance (a shared guard in the cache), because RTE answers 429
   * otherwise, and always stored, so no call of the allowance is wasted. A failed call that RTE did not
   * serve gives the slot back. `api` is the caller's connection (the connection test makes one attempt).
   */
  async function fetchAndStore(options: {
    signal?: AbortSignal | undefined;
    now?: Date;
    api?: RteApi;
  }): Promise<EcowattDay[]> {
    const now = options.now ?? new Date();
    const stamp = await openGate(now);
    let days;
    try {
      days = await (options.api ?? api).ecowatt(options.signal);
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
    return days;
  }

  /**
   * Takes the 15-minute window for a call at `now` and returns its stamp, or throws `EcowattCooldown`.
   * The window is measured on the caller's clock (the key's TTL only cleans up): a window already over
   * at `now` is reclaimed with a compare-and-delete, so two racing callers still cannot both take it.
   */
  async function openGate(now: Date): Promise<string> {
    const stamp = String(now.getTime());
    if (await cache.setIfAbsent(GATE_KEY, stamp, ECOWATT_MIN_GAP_MS)) {
      return stamp;
    }
    const held = (await cache.get(GATE_KEY))?.toString();
    const last = Number(held);
    const over = held === undefined || (Number.isFinite(last) && last + ECOWATT_MIN_GAP_MS <= now.getTime());
    if (
      over &&
      (held === undefined || (await cache.deleteIfEquals(GATE_KEY, held))) &&
      (await cache.setIfAbsent(GATE_KEY, stamp, ECOWATT_MIN_GAP_MS))
    ) {
      return stamp;
    }
    const retryAt = Number.isFinite(last) ? last + ECOWATT_MIN_GAP_MS : now.getTime() + ECOWATT_MIN_GAP_MS;
    throw new EcowattCooldown(new Date(Math.max(retryAt, now.getTime())), now);
  }

  /** The last call to RTE while its 15-minute window lasts (the guard's value), else null. */
  async function lastCall(): Promise<Date | null> {
    const last = Number((await cache.get(GATE_KEY))?.toString());
    return Number.isFinite(last) && last > 0 ? new Date(last) : null;
  }

  return {
    fetchAndStore,

    /** Scheduled refresh: `fetchAndStore` with a one-line summary for the job history. */
    async sync(signal: AbortSignal | undefined, now = new Date()): Promise<string> {
      const days = await fetchAndStore({ signal, now });
      const worst = Math.max(0, ...days.map((day) => day.dvalue));
      return `${days.length} day(s) ${days[0]?.periode ?? ''}..${days.at(-1)?.periode ?? ''}, worst dvalue ${worst}, file of ${days[0]?.generation ?? 'unknown'}`;
    },

    /** `GET /api/ecowatt/refresh/status`: when the 15-minute rule lets the next call through, and the last ones. */
    async refreshStatus(now = new Date()): Promise<EcowattRefreshStatus> {
      const [last, freshness] = await Promise.all([lastCall(), ecowatt.freshness()]);
      const next = last ? new Date(Math.max(now.getTime(), last.getTime() + ECOWATT_MIN_GAP_MS)) : now;
      const waitMs = next.getTime() - now.getTime();
      return {
        can_refresh: waitMs <= 0,
        next_refresh_at: next.toISOString(),
        retry_after_seconds: Math.ceil(waitMs / 1000),
        min_interval_seconds: ECOWATT_MIN_GAP_MS / 1000,
        last_call_at: last?.toISOString() ?? null,
        last_refresh_at: freshness.fetched,
        last_generation_at: freshness.generation,
      };
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
      return stale && fetched < new Date(now.getTime() - STALE_RETRY_GAP_MS).toISOString();
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
        percentage_green: percent(green),
        percentage_orange: percent(orange),
        percentage_red: percent(red),
      };
    },
  };
}
export type EcowattService = ReturnType<typeof createEcowattService>;
