/**
 * Per-application quotas of the Enedis gateway: a token bucket for the per-second quota (Q3, 5/s)
 * and a fixed clock-hour window for the hourly one (Q4, 10,000/h). The 429 bodies are the 2026 WSO2
 * ones (reference §A7): Q3 → `{"fault":{"code":900807,...}}`, Q4 → `{"code":"900804",...,"nextAccessTime"}`.
 */
import { ERRORS, hourlyQuotaExceeded, type EnedisFailure } from './errors.ts';
import type { RateLimitOptions } from './options.ts';

const MS_PER_HOUR = 3_600_000;

/** Outcome of one call against the quotas. */
export type QuotaDecision = { allowed: true } | { allowed: false; quota: 'second' | 'hour'; failure: EnedisFailure };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

interface HourWindow {
  hour: number;
  count: number;
}

export class RateLimiter {
  #settings: () => RateLimitOptions;
  #buckets = new Map<string, Bucket>();
  #hours = new Map<string, HourWindow>();

  /** `settings` is read on every call, so runtime changes apply at once. */
  constructor(settings: () => RateLimitOptions) {
    this.#settings = settings;
  }

  /** Counts one call of `clientId`; a refused call consumes nothing. */
  take(clientId: string): QuotaDecision {
    const settings = this.#settings();
    if (!settings.enabled) {
      return { allowed: true };
    }
    const now = settings.clock();

    const hour = Math.floor(now / MS_PER_HOUR);
    const window = this.#hours.get(clientId);
    const used = window?.hour === hour ? window.count : 0;
    if (used >= settings.perHour) {
      return { allowed: false, quota: 'hour', failure: hourlyQuotaExceeded(new Date((hour + 1) * MS_PER_HOUR)) };
    }

    const bucket = this.#buckets.get(clientId) ?? { tokens: settings.perSecond, updatedAt: now };
    const refilled = Math.min(
      settings.perSecond,
      bucket.tokens + ((now - bucket.updatedAt) / 1000) * settings.perSecond,
    );
    if (refilled < 1) {
      this.#buckets.set(clientId, { tokens: refilled, updatedAt: now });
      return { allowed: false, quota: 'second', failure: ERRORS.perSecondQuota };
    }
    this.#buckets.set(clientId, { tokens: refilled - 1, updatedAt: now });
    this.#hours.set(clientId, { hour, count: used + 1 });
    return { allowed: true };
  }

  /** Forgets every bucket and window (e.g. between benchmark phases). */
  reset(): void {
    this.#buckets.clear();
    this.#hours.clear();
  }
}
