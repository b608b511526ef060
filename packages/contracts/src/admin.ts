import { z } from 'zod';
import { emailSchema } from './accounts.ts';

/** `GET /api/admin/stats`: the operator's overview, from counters kept as calls happen. */
export const adminStatsSchema = z.object({
  users: z.object({
    total: z.number().int(),
    active: z.number().int(),
    verified: z.number().int(),
    new_this_month: z.number().int(),
  }),
  /** Metering calls served today (Paris day): from the cache only, or reaching Enedis. */
  calls_today: z.object({ cached: z.number().int(), no_cache: z.number().int(), total: z.number().int() }),
  endpoints: z.array(
    z.object({ endpoint: z.string(), cached: z.number().int(), no_cache: z.number().int(), total: z.number().int() }),
  ),
  enedis_today: z.object({
    calls: z.number().int(),
    throttled: z.number().int(),
    server_errors: z.number().int(),
    retries: z.number().int(),
  }),
  /** Share of today's metering calls answered from the cache alone, in percent; null before the first call. */
  cache_hit_rate: z.number().nullable(),
  top_users: z.array(z.object({ user_id: z.string(), email: z.string().nullable(), calls: z.number().int() })),
  /** The last 30 Paris days, oldest first. */
  daily: z.array(
    z.object({
      date: z.string(),
      cached: z.number().int(),
      no_cache: z.number().int(),
      enedis_calls: z.number().int(),
      enedis_errors: z.number().int(),
    }),
  ),
  generated_at: z.string(),
});
export type AdminStats = z.infer<typeof adminStatsSchema>;

/** A user as the admin console lists it (`GET /api/admin/users`). */
export const adminUserSchema = z.object({
  id: z.string(),
  email: z.string(),
  is_active: z.boolean(),
  email_verified: z.boolean(),
  debug_mode: z.boolean(),
  admin_data_sharing: z.boolean(),
  has_password: z.boolean(),
  created_at: z.string(),
  pdl_count: z.number().int(),
  role: z.object({ id: z.string(), name: z.string(), display_name: z.string() }),
  /** Today's metering calls against the daily quotas (limits null: not limited). */
  usage_stats: z.object({
    cached_requests: z.number().int(),
    no_cache_requests: z.number().int(),
    cached_limit: z.number().int().nullable(),
    no_cache_limit: z.number().int().nullable(),
  }),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

export const adminUsersQuerySchema = z.strictObject({
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(200).default(50),
});
export type AdminUsersQuery = z.input<typeof adminUsersQuerySchema>;

export const adminUsersPageSchema = z.object({
  users: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});
export type AdminUsersPage = z.infer<typeof adminUsersPageSchema>;

export const adminUserStatsSchema = z.object({
  total_users: z.number().int(),
  active_users: z.number().int(),
  verified_users: z.number().int(),
  admin_count: z.number().int(),
  users_this_month: z.number().int(),
});
export type AdminUserStats = z.infer<typeof adminUserStatsSchema>;

/** `POST /api/admin/users`: the account is created without a password; an invitation mail sets it. */
export const createAdminUserRequestSchema = z.strictObject({
  email: emailSchema,
  role_id: z.string().min(1).max(64).optional(),
});
export type CreateAdminUserRequest = z.input<typeof createAdminUserRequestSchema>;

/** What an admin action on a user did, for the console to say so. */
export const adminActionResultSchema = z.object({ message: z.string(), user: adminUserSchema.optional() });
export type AdminActionResult = z.infer<typeof adminActionResultSchema>;

export const cacheClearResultSchema = z.object({ deleted_keys: z.number().int(), message: z.string() });
export type CacheClearResult = z.infer<typeof cacheClearResultSchema>;

/** Log levels as the reference names them (`logs:{level}:*`); pino's `warn` and `fatal` are WARNING and CRITICAL. */
export const LOG_LEVELS = ['debug', 'info', 'warning', 'error', 'critical'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];
const logLevelSchema = z
  .string()
  .trim()
  .toLowerCase()
  .transform((level) => (level === 'warn' ? 'warning' : level === 'fatal' ? 'critical' : level))
  .pipe(z.enum(LOG_LEVELS));

/** One record of the server's own log (`GET /api/admin/logs`), redacted like the log stream itself. */
export const adminLogEntrySchema = z.object({
  /** Unique across instances; `GET /api/admin/logs/tail?since=` takes it. */
  id: z.string(),
  /** Paris local time with offset, like the reference. */
  timestamp: z.string(),
  /** Upper case, as the reference: DEBUG, INFO, WARNING, ERROR, CRITICAL. */
  level: z.string(),
  /** Who logged it: `http` for request lines, the logger's `module` binding, else `server`. */
  logger: z.string(),
  message: z.string(),
  /** The error's stack, when the record carries one. */
  exception: z.string().optional(),
  /** Short id of the instance that logged it (several instances share the store on Valkey). */
  instance: z.string(),
  /** Every other field of the record (request id, method, URL, status, duration, …). */
  context: z.record(z.string(), z.unknown()),
});
export type AdminLogEntry = z.infer<typeof adminLogEntrySchema>;

export const adminLogsQuerySchema = z.strictObject({
  level: logLevelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  /** Case-insensitive text searched in the message, the exception and the context. */
  search: z.string().trim().max(200).optional(),
});
export type AdminLogsQuery = z.input<typeof adminLogsQuerySchema>;

/** The reference's shape: newest first; `total` counts the records matching the filters. */
export const adminLogsPageSchema = z.object({
  logs: z.array(adminLogEntrySchema),
  total: z.number().int(),
  count: z.number().int(),
  offset: z.number().int(),
  limit: z.number().int(),
});
export type AdminLogsPage = z.infer<typeof adminLogsPageSchema>;

/** `GET /api/admin/logs/tail`: what was stored after the record `since` (live tail by polling). */
export const adminLogsTailQuerySchema = z.strictObject({
  since: z.string().trim().max(100).optional(),
  level: logLevelSchema.optional(),
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});
export type AdminLogsTailQuery = z.input<typeof adminLogsTailQuerySchema>;

export const adminLogsTailSchema = z.object({
  /** Records stored after `since` that match the filters, newest first (at most `limit`). */
  logs: z.array(adminLogEntrySchema),
  /** Pass it as `since` on the next call (the newest record stored, matching or not). */
  cursor: z.string().nullable(),
  /** True when `since` is no longer in the store (cleared or pushed out): start over from `logs`. */
  reset: z.boolean(),
});
export type AdminLogsTail = z.infer<typeof adminLogsTailSchema>;

export const adminLogsClearQuerySchema = z.strictObject({ level: logLevelSchema.optional() });
export type AdminLogsClearQuery = z.input<typeof adminLogsClearQuerySchema>;

export const adminLogsClearResultSchema = z.object({ message: z.string(), deleted_count: z.number().int() });
export type AdminLogsClearResult = z.infer<typeof adminLogsClearResultSchema>;

/** `DELETE /api/admin/cache/{consumption|production}/clear-all` and `/api/admin/cache/clear-all`. */
export const adminCacheClearAllResultSchema = z.object({
  message: z.string(),
  /** Meters known to the gateway (the reference reports it). */
  total_pdls: z.number().int(),
  /** Cache entries that existed and were removed. */
  deleted_keys: z.number().int(),
});
export type AdminCacheClearAllResult = z.infer<typeof adminCacheClearAllResultSchema>;

/** A meter of a user who shares their data with administrators (`GET /api/admin/shared-pdls`). */
export const sharedPdlSchema = z.object({
  id: z.string(),
  usage_point_id: z.string(),
  name: z.string().nullable(),
  has_consumption: z.boolean(),
  has_production: z.boolean(),
  is_active: z.boolean(),
  owner_id: z.string(),
  owner_email: z.string(),
  /** When the owner turned sharing on. */
  sharing_enabled_at: z.string().nullable(),
});
export type SharedPdl = z.infer<typeof sharedPdlSchema>;

/**
 * Read these meters with the header `X-Impersonate-User-Id: <owner_id>` on the data routes (`/api/enedis/*`,
 * `GET /api/pdl`, `GET /api/costs/*`): read-only, refused as soon as the owner turns sharing off, and each read
 * is shown to the owner (`GET /api/accounts/me/data-access`).
 */
export const sharedPdlsSchema = z.object({ pdls: z.array(sharedPdlSchema), total: z.number().int() });
export type SharedPdls = z.infer<typeof sharedPdlsSchema>;

/** One read of the caller's data by an administrator, newest first (`GET /api/accounts/me/data-access`). */
export const dataAccessEntrySchema = z.object({
  at: z.string(),
  reader_email: z.string(),
  /** The route read, as a pattern (`/api/enedis/consumption/daily/:pdl`). */
  route: z.string(),
  usage_point_id: z.string().nullable(),
});
export const dataAccessSchema = z.object({
  sharing_enabled: z.boolean(),
  sharing_enabled_at: z.string().nullable(),
  /** The latest 200 reads. */
  entries: z.array(dataAccessEntrySchema),
  total: z.number().int(),
});
export type DataAccess = z.infer<typeof dataAccessSchema>;
