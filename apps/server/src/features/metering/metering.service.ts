import { ErrorCode } from '@med/contracts';
import { addDays, eachDay, maxDate, missingDayRanges, parisToday, type DateRange } from '@med/core';
import type { FastifyReply } from 'fastify';
import { AppError, badRequest, forbidden, notFound } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { toBool, type ConsentRow, type Db, type PdlRow } from '../../db/database.ts';
import { revealClientSecret } from '../../security/client-credentials.ts';
import type { ServerKeys } from '../../security/keys.ts';
import { requireLiveConsent, revokeFromEnedis } from '../consent/consent-access.ts';
import { EnedisError } from '../enedis/enedis-errors.ts';
import type { EnedisGateway } from '../enedis/enedis-gateway.ts';
import { findUserPdlByUsagePoint, updateUserPdl } from '../pdl/pdl.repository.ts';
import type { Quotas } from '../quotas/quota.ts';
import { isEnedisCode, probeActivation } from './activation-probe.ts';
import type { DayCache, UserDayCache } from './day-cache.ts';
import type { DatasetSpec, ServedReading } from './datasets.ts';
import { planMeteringRange } from './metering-range.ts';
import { isDecisiveRefusal, refuseUnmeasuredDirection } from './metering-refusals.ts';

export interface MeteringRequest {
  usagePointId: string;
  start: string;
  end: string;
  useCache: boolean;
}

/**
 * A metering answer, Enedis-shaped, ready to be written: the readings are kept in their stored compact
 * form and written as JSON text on demand (`readingsJson`), never as one object per reading.
 */
export interface MeterReading {
  usage_point_id: string;
  start: string;
  end: string;
  reading_type: Record<string, string>;
  /** How many readings `readingsJson` yields (at least one: an empty answer is a 404 NO_DATA). */
  count: number;
  /**
   * The JSON text of the served readings, one string per day in date order: the day's readings
   * (`JSON.stringify` of `DatasetSpec.serve`) joined by commas.
   */
  readingsJson(): Generator<string>;
  /** The served readings as objects, for callers in this process that compute with them (costs). */
  readings(): ServedReading[];
  /** Days of the range Enedis had no (complete) data for; with the `PARTIAL_DATA` error. */
  missing_dates: string[];
}

/** A meter the caller may read, with the consent record that allows it. */
export interface MeterAccess {
  pdl: PdlRow;
  consent: ConsentRow;
}

export interface MeteringDeps {
  db: Db;
  keys: ServerKeys;
  dayCache: DayCache;
  quotas: Quotas;
  gateway: EnedisGateway;
  now?: () => Date;
}

/**
 * Enedis publishes D-1 in the morning and sometimes a few days late: a day it has no data for is
 * remembered as such (not asked again until the cache entry expires) only once it is older than this.
 */
const NO_DATA_SETTLED_AFTER_DAYS = 7;

interface Fetched<Stored> {
  byDay: Map<string, Stored[]>;
  /** Enedis refused the days before `from` as preceding the meter's activation (`refusal` says so). */
  activation: { from: string; refusal: EnedisError } | undefined;
  /** Settled days Enedis answered it had no data for (no item at all), to remember as such. */
  noData: string[];
}

/** Reads metering data for the caller's own meter: cache first (per complete day), Enedis for the rest. */
export function createMeteringService(deps: MeteringDeps) {
  const now = deps.now ?? (() => new Date());

  /** A meter the caller lists and has not switched off (enough to empty its cache). */
  async function ownedMeter(user: AuthUser, usagePointId: string): Promise<PdlRow> {
    const pdl = await findUserPdlByUsagePoint(deps.db, user.id, usagePointId);
    if (!pdl) {
      throw notFound(ErrorCode.PDL_NOT_FOUND, 'PDL introuvable sur votre compte.');
    }
    if (!toBool(pdl.is_active)) {
      throw forbidden('Ce PDL est désactivé : réactivez-le depuis le tableau de bord.', ErrorCode.ACCESS_DENIED);
    }
    return pdl;
  }

  /**
   * A meter the caller may read: listed, switched on, and under a live consent record of this account.
   * Checked before the quota and the cache, so a meter without consent costs nothing and serves nothing.
   */
  async function consentedMeter(user: AuthUser, usagePointId: string): Promise<MeterAccess> {
    const pdl = await ownedMeter(user, usagePointId);
    return { pdl, consent: await requireLiveConsent(deps.db, pdl, now()) };
  }

  /** Runs Enedis calls for a meter; a consent refusal from Enedis revokes the record on the spot. */
  async function underConsent<T>(access: MeterAccess, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (isEnedisCode(error, ErrorCode.CONSENT_REQUIRED)) {
        throw await revokeFromEnedis(deps.db, access.consent, error.enedisCode, now());
      }
      throw error;
    }
  }

  // Opening the stored secret and deriving the cache key is per user, not per request: keep a few.
  const userCaches = new Map<string, UserDayCache>();
  function userCache(user: AuthUser): UserDayCache {
    const memoKey = `${user.id}:${user.row.client_secret_enc}`;
    let cache = userCaches.get(memoKey);
    if (!cache) {
      const secret = revealClientSecret(deps.keys, user.id, user.row.client_secret_enc);
      if (secret === null) {
        throw new AppError(500, ErrorCode.INTERNAL_ERROR, 'Clé de chiffrement du compte illisible.');
      }
      if (userCaches.size >= 1000) {
        userCaches.clear();
      }
      cache = deps.dayCache.forUser(user.id, secret);
      userCaches.set(memoKey, cache);
    }
    return cache;
  }

  /** `start` and `end` are calendar dates already (the route's `isoDateSchema`). */
  function plan(request: MeteringRequest, historyMonths: number, pdl: PdlRow): DateRange {
    return planMeteringRange(request, historyMonths, pdl.activation_date, parisToday(now()));
  }

  return {
    ownedMeter,
    consentedMeter,
    underConsent,
    userCache,

    customerData(
      user: AuthUser,
      kind: 'contract' | 'address' | 'identity' | 'contact',
      access: MeterAccess,
    ): Promise<unknown> {
      return underConsent(access, () => deps.gateway.apiFor(user).customerData(kind, access.pdl.usage_point_id));
    },

    async read<Item, Stored>(
      user: AuthUser,
      spec: DatasetSpec<Item, Stored>,
      request: MeteringRequest,
      reply: FastifyReply,
    ): Promise<MeterReading> {
      const access = await consentedMeter(user, request.usagePointId);
      const { pdl } = access;
      let range = plan(request, spec.historyMonths, pdl);
      // Known to fail: answered now rather than after every chunk has waited its turn to hear it from Enedis.
      refuseUnmeasuredDirection(pdl, spec.direction);
      let days = eachDay(range.start, range.end);
      const cache = userCache(user);
      const cached = request.useCache
        ? await cache.readWithNoData<Stored[]>(spec.dataset, pdl.usage_point_id, days)
        : { found: new Map<string, Stored[]>(), noData: new Set<string>() };
      const cachedDays = cached.found;
      // Days remembered as having no data are not asked again: they stay in `missing_dates` below.
      const missing = days.filter((day) => !cachedDays.has(day) && !cached.noData.has(day));
      await deps.quotas.consume(user, missing.length > 0 ? 'no_cache' : 'cached', reply);

      // The cache's answer is ours to extend: fetched days join it.
      const byDay = cachedDays;
      if (missing.length > 0) {
        const fetched = await underConsent(access, () => fetchMissing(user, spec, pdl, missing));
        const complete = new Map<string, Stored[]>();
        for (const [day, stored] of fetched.byDay) {
          byDay.set(day, stored);
          if (spec.isComplete(day, stored)) {
            complete.set(day, stored);
          }
        }
        if (complete.size > 0 || fetched.noData.length > 0) {
          await cache.write(spec.dataset, pdl.usage_point_id, complete, fetched.noData);
        }
        const activation = fetched.activation;
        if (activation !== undefined) {
          // Days before activation do not exist: the range starts at activation, as it would with a known date.
          days = days.filter((day) => day >= activation.from);
          if (days.length === 0) {
            throw activation.refusal;
          }
          range = { start: maxDate(range.start, activation.from), end: range.end };
        }
      }

      const incomplete: string[] = [];
      let count = 0;
      for (const day of days) {
        const stored = byDay.get(day);
        if (!stored || !spec.isComplete(day, stored)) {
          incomplete.push(day);
        }
        count += stored?.length ?? 0;
      }
      if (count === 0) {
        throw notFound(ErrorCode.NO_DATA, 'Aucune donnée Enedis sur cette période.');
      }
      const served = days;
      return {
        usage_point_id: pdl.usage_point_id,
        start: range.start,
        end: range.end,
        reading_type: spec.readingType,
        count,
        *readingsJson() {
          for (const day of served) {
            const stored = byDay.get(day);
            if (stored && stored.length > 0) {
              yield stored.map((entry) => spec.serveJson(entry, day)).join(',');
            }
          }
        },
        readings() {
          return served.flatMap((day) => (byDay.get(day) ?? []).map((entry) => spec.serve(entry, day)));
        },
        missing_dates: incomplete,
      };
    },
  };

  /**
   * Fetches the missing days in ≤ maxDaysPerCall chunks, all in flight at once (the HTTP layer paces
   * them to the global rate). `no_data_found` on a chunk means those days have no data yet;
   * "before activation" on chunks means the meter started later than we knew: the date is found and
   * remembered, and the days after it are served. Any other permanent error (consent, direction…) is
   * the answer; transient failures after retries fail the request with 503 — but the complete days of
   * the chunks that succeeded are still cached. Days of chunks Enedis answered (data or
   * `no_data_found`) that got no item at all and are older than D-7 are returned (and, on failure,
   * cached) as days without data; failed chunks never are.
   */
  async function fetchMissing<Item, Stored>(
    user: AuthUser,
    spec: DatasetSpec<Item, Stored>,
    pdl: PdlRow,
    missing: string[],
  ): Promise<Fetched<Stored>> {
    const api = deps.gateway.apiFor(user);
    const prm = pdl.usage_point_id;
    const chunks = missingDayRanges(missing, spec.maxDaysPerCall);
    // A decisive refusal (consent, direction, load curve off…) is the answer whatever the other chunks say:
    // the chunks still waiting for their turn are dropped instead of asking Enedis the same question.
    const decided = new AbortController();
    const results = await Promise.allSettled(
      chunks.map((chunk) =>
        spec.fetch(api, prm, chunk.start, chunk.end, decided.signal).catch((error: unknown) => {
          if (isDecisiveRefusal(error)) {
            decided.abort(error);
          }
          throw error;
        }),
      ),
    );
    const wanted = new Set(missing);
    const byDay = new Map<string, Stored[]>();
    const addItems = (items: Item[]) => {
      for (const item of items) {
        const day = spec.dayOf(item);
        if (!wanted.has(day)) {
          continue;
        }
        const list = byDay.get(day);
        if (list) {
          list.push(spec.store(item));
        } else {
          byDay.set(day, [spec.store(item)]);
        }
      }
    };
    let failure: unknown;
    const noteFailure = (error: unknown) => {
      // A permanent answer (consent, direction…) wins over a transient one: it tells the user what to do.
      if (failure === undefined || (error instanceof EnedisError && error.status !== 503)) {
        failure = error;
      }
    };
    let beforeActivation: { chunk: DateRange; error: EnedisError } | undefined;
    const answered: DateRange[] = [];
    for (const [index, result] of results.entries()) {
      const chunk = chunks[index];
      if (result.status === 'fulfilled') {
        addItems(result.value);
        if (chunk) {
          answered.push(chunk);
        }
        continue;
      }
      const error: unknown = result.reason;
      if (isEnedisCode(error, ErrorCode.NO_DATA)) {
        if (chunk) {
          answered.push(chunk);
        }
        continue;
      }
      if (chunk && isEnedisCode(error, ErrorCode.BEFORE_ACTIVATION_DATE)) {
        // Chunks are in date order: the last refused one holds the activation date (or precedes it).
        beforeActivation = { chunk, error };
        continue;
      }
      noteFailure(error);
    }

    let activation: Fetched<Stored>['activation'];
    if (beforeActivation) {
      try {
        const probe = await probeActivation(api, spec, prm, beforeActivation.chunk);
        addItems(probe.items);
        activation = { from: probe.from, refusal: beforeActivation.error };
        // Remembered on the PDL: later requests start at activation without asking (a bound is not a date).
        if (probe.exact && (pdl.activation_date === null || pdl.activation_date < probe.from)) {
          await updateUserPdl(deps.db, pdl.user_id, pdl.id, { activation_date: probe.from });
        }
      } catch (error) {
        noteFailure(error);
      }
    }

    // Only days of answered chunks: a failed chunk says nothing about its days.
    const settledBefore = addDays(parisToday(now()), -NO_DATA_SETTLED_AFTER_DAYS);
    const noData = answered
      .flatMap((chunk) => eachDay(chunk.start, chunk.end))
      .filter((day) => day < settledBefore && wanted.has(day) && !byDay.has(day));

    if (failure !== undefined) {
      // Keep what is known so a retry only asks for what is still missing.
      if (byDay.size > 0 || noData.length > 0) {
        await persistKnown(user, spec, prm, byDay, noData);
      }
      throw failure instanceof Error ? failure : badRequest(ErrorCode.ENEDIS_ERROR, 'Erreur Enedis inattendue.');
    }
    return { byDay, activation, noData };
  }

  async function persistKnown<Item, Stored>(
    user: AuthUser,
    spec: DatasetSpec<Item, Stored>,
    prm: string,
    byDay: Map<string, Stored[]>,
    noData: string[],
  ): Promise<void> {
    const complete = new Map<string, Stored[]>();
    for (const [day, stored] of byDay) {
      if (spec.isComplete(day, stored)) {
        complete.set(day, stored);
      }
    }
    if (complete.size > 0 || noData.length > 0) {
      await userCache(user).write(spec.dataset, prm, complete, noData);
    }
  }
}
export type MeteringService = ReturnType<typeof createMeteringService>;
