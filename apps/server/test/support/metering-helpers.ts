import { addDays, isoWeekday } from '@med/core';
import { userCachePrefix } from '../../src/cache/user-keys.ts';
import { createDayCache, type UserDayCache } from '../../src/features/metering/day-cache.ts';
import type { TestUser } from './accounts-helpers.ts';
import type { MeterReadingBody } from './consent-helpers.ts';
import type { TestServer } from './test-server.ts';

/** The embedded Enedis emulator's control; every metering test server runs one. */
export function enedisEmulator(server: TestServer) {
  const emulator = server.deps.gateway.emulator;
  if (!emulator) {
    throw new Error('the test server runs the embedded Enedis emulator');
  }
  return emulator;
}

/** Metering calls the emulator answered so far (token calls left out). */
export function meteringCalls(server: TestServer): number {
  const byRoute = enedisEmulator(server).stats.byRoute;
  return Object.entries(byRoute)
    .filter(([route]) => route.startsWith('/metering_data_'))
    .reduce((total, [, count]) => total + count, 0);
}

/** GET with the user's session; the body parsed as a metering answer. */
export async function getReading(server: TestServer, user: TestUser, url: string) {
  const response = await server.app.inject({ method: 'GET', url, headers: { cookie: user.cookie } });
  return { status: response.statusCode, headers: response.headers, body: response.json<MeterReadingBody>() };
}

export async function userIdOf(server: TestServer, user: TestUser): Promise<string> {
  const me = await server.app.inject({ method: 'GET', url: '/api/accounts/me', headers: { cookie: user.cookie } });
  return me.json<{ data: { id: string } }>().data.id;
}

/** Every cache key of the user, read through the cache port. */
export function userCacheKeys(server: TestServer, userId: string): Promise<string[]> {
  return server.deps.cache.keys(userCachePrefix(server.deps.keys, userId));
}

/** The user's day cache as the metering service sees it (same keys, same encryption). */
export function userDayCache(server: TestServer, userId: string, clientSecret: string): UserDayCache {
  return createDayCache({
    cache: server.deps.cache,
    keys: server.deps.keys,
    ttlSeconds: server.config.cacheTtlSeconds,
  }).forUser(userId, clientSecret);
}

/** Last Sunday of `month` (1–12) in `year`: the DST change days in Europe. */
export function lastSundayOf(year: number, month: number): string {
  const lastDay = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return addDays(lastDay, -(isoWeekday(lastDay) % 7));
}

/** The latest DST Sunday of `month` (3 or 10) whose data is published on `today` (the day is before it). */
export function latestDstSunday(today: string, month: 3 | 10): string {
  const year = Number(today.slice(0, 4));
  const thisYear = lastSundayOf(year, month);
  return thisYear < today ? thisYear : lastSundayOf(year - 1, month);
}
