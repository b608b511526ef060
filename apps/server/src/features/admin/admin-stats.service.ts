import type { AdminStats } from '@med/contracts';
import { parisMidnightUtc, parisToday } from '@med/core';
import type { Db } from '../../db/database.ts';
import { emailsOf, userCounts } from './admin-users.repository.ts';
import type { DayCounters, UsageStats } from './usage-stats.ts';

const TOP_USERS = 20;

/** `GET /api/admin/stats`: user totals from the database, usage from the counters (usage-stats.ts). */
export function createAdminStatsService(deps: { db: Db; usage: UsageStats; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());

  return {
    async overview(): Promise<AdminStats> {
      const at = now();
      const [counts, days, perUser] = await Promise.all([
        userCounts(deps.db, parisMidnightUtc(`${parisToday(at).slice(0, 8)}01`).toISOString()),
        deps.usage.days(),
        deps.usage.usersToday(),
      ]);
      const today = days.at(-1)?.fields ?? {};
      const field = (fields: Record<string, number>, name: string) => fields[name] ?? 0;
      const cached = field(today, 'calls:cached');
      const noCache = field(today, 'calls:no_cache');
      const top = Object.entries(perUser)
        .sort(([idA, a], [idB, b]) => b - a || idA.localeCompare(idB))
        .slice(0, TOP_USERS);
      const emails = await emailsOf(
        deps.db,
        top.map(([id]) => id),
      );
      return {
        users: {
          total: counts.total,
          active: counts.active,
          verified: counts.verified,
          new_this_month: counts.thisMonth,
        },
        calls_today: { cached, no_cache: noCache, total: cached + noCache },
        endpoints: endpointsOf(today),
        enedis_today: {
          calls: field(today, 'enedis:call'),
          throttled: field(today, 'enedis:throttled'),
          server_errors: field(today, 'enedis:server_error'),
          retries: field(today, 'enedis:retry'),
        },
        cache_hit_rate: cached + noCache === 0 ? null : Math.round((cached / (cached + noCache)) * 1000) / 10,
        top_users: top.map(([id, calls]) => ({ user_id: id, email: emails.get(id) ?? null, calls })),
        daily: days.map(dailyPoint),
        generated_at: at.toISOString(),
      };
    },
  };
}
export type AdminStatsService = ReturnType<typeof createAdminStatsService>;

function endpointsOf(fields: Record<string, number>): AdminStats['endpoints'] {
  const byEndpoint = new Map<string, { cached: number; no_cache: number }>();
  for (const [name, count] of Object.entries(fields)) {
    const match = /^endpoint:(cached|no_cache):(.+)$/.exec(name);
    if (!match?.[1] || !match[2]) {
      continue;
    }
    const entry = byEndpoint.get(match[2]) ?? { cached: 0, no_cache: 0 };
    entry[match[1] as 'cached' | 'no_cache'] += count;
    byEndpoint.set(match[2], entry);
  }
  return [...byEndpoint]
    .map(([endpoint, entry]) => ({ endpoint, ...entry, total: entry.cached + entry.no_cache }))
    .sort((a, b) => b.total - a.total || a.endpoint.localeCompare(b.endpoint));
}

function dailyPoint(day: DayCounters): AdminStats['daily'][number] {
  const field = (name: string) => day.fields[name] ?? 0;
  return {
    date: day.date,
    cached: field('calls:cached'),
    no_cache: field('calls:no_cache'),
    enedis_calls: field('enedis:call'),
    enedis_errors: field('enedis:throttled') + field('enedis:server_error'),
  };
}
