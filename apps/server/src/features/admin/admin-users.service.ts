import { randomUUID } from 'node:crypto';
import {
  ErrorCode,
  type AdminUser,
  type AdminUserStats,
  type AdminUsersPage,
  type CacheClearResult,
  type CreateAdminUserRequest,
} from '@med/contracts';
import { parisMidnightUtc, parisToday } from '@med/core';
import type { CachePort } from '../../cache/cache.port.ts';
import { userCachePrefix } from '../../cache/user-keys.ts';
import type { Config } from '../../config/config.ts';
import { toBool, type Db } from '../../db/database.ts';
import { conflict, notFound } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import type { MailQueue } from '../../mail/mail-queue.ts';
import { newClientId, newClientSecret, protectClientSecret } from '../../security/client-credentials.ts';
import type { ServerKeys } from '../../security/keys.ts';
import type { AccountMail } from '../accounts/account-mails.ts';
import {
  deleteUser,
  findUserByEmail,
  findUserById,
  insertUser,
  logActivity,
  updateUser,
} from '../accounts/users.repository.ts';
import { quotaDay, quotaKey } from '../quotas/quota-keys.ts';
import { findRoleIdByName, findRoleRow } from '../roles/roles.repository.ts';
import { findAdminUserRow, listUsersPage, userCounts, type AdminUserRow } from './admin-users.repository.ts';

export interface AdminUsersDeps {
  db: Db;
  cache: CachePort;
  keys: ServerKeys;
  config: Config;
  mailQueue: MailQueue<AccountMail>;
  now?: () => Date;
}

/** Who does an admin action, for the activity log. */
export interface Actor {
  user: AuthUser;
  ip: string;
}

const userNotFound = () => notFound(ErrorCode.USER_NOT_FOUND, 'Utilisateur introuvable.');
const notOnYourself = (what: string) =>
  conflict(ErrorCode.SELF_ACTION_FORBIDDEN, `Vous ne pouvez pas ${what} votre propre compte.`);

/** The users page of the admin console (`/api/admin/users`, upstream §1.4 `admin`). */
export function createAdminUsersService(deps: AdminUsersDeps) {
  const { db, cache, keys, config } = deps;
  const now = deps.now ?? (() => new Date());

  /** Today's quota counters of these users, in one round trip. */
  async function usageOf(userIds: readonly string[]): Promise<Map<string, { cached: number; no_cache: number }>> {
    const { day } = quotaDay(now());
    const keysFor = userIds.flatMap((id) => [quotaKey(keys, id, day, 'cached'), quotaKey(keys, id, day, 'no_cache')]);
    const values = keysFor.length === 0 ? [] : await cache.getMany(keysFor);
    const count = (index: number) => Number(values[index]?.toString() ?? 0) || 0;
    return new Map(userIds.map((id, index) => [id, { cached: count(index * 2), no_cache: count(index * 2 + 1) }]));
  }

  function toAdminUser(row: AdminUserRow, usage: { cached: number; no_cache: number }): AdminUser {
    const unlimited = row.role_name === 'admin';
    return {
      id: row.id,
      email: row.email,
      is_active: toBool(row.is_active),
      email_verified: toBool(row.email_verified),
      debug_mode: toBool(row.debug_mode),
      admin_data_sharing: toBool(row.admin_data_sharing),
      has_password: row.hashed_password !== null,
      created_at: row.created_at,
      pdl_count: Number(row.pdl_count ?? 0),
      // Users without a role are visitors (upstream §1.3).
      role: {
        id: row.role_id ?? '',
        name: row.role_name ?? 'visitor',
        display_name: row.role_display_name ?? 'Visiteur',
      },
      usage_stats: {
        cached_requests: usage.cached,
        no_cache_requests: usage.no_cache,
        cached_limit: unlimited ? null : config.quotas.withCachePerDay,
        no_cache_limit: unlimited ? null : config.quotas.noCachePerDay,
      },
    };
  }

  async function one(id: string): Promise<AdminUser> {
    const row = await findAdminUserRow(db, id);
    if (!row) {
      throw userNotFound();
    }
    return toAdminUser(row, (await usageOf([id])).get(id) ?? { cached: 0, no_cache: 0 });
  }

  async function requireUser(id: string) {
    const user = await findUserById(db, id);
    if (!user) {
      throw userNotFound();
    }
    return user;
  }

  const log = (actor: Actor, action: string, targetId: string) =>
    logActivity(db, { user_id: actor.user.id, action, ip: actor.ip, details: { target_user_id: targetId } });

  return {
    async list(query: { search?: string | undefined; page: number; per_page: number }): Promise<AdminUsersPage> {
      const { rows, total } = await listUsersPage(db, {
        search: query.search,
        limit: query.per_page,
        offset: (query.page - 1) * query.per_page,
      });
      const usage = await usageOf(rows.map((row) => row.id));
      return {
        users: rows.map((row) => toAdminUser(row, usage.get(row.id) ?? { cached: 0, no_cache: 0 })),
        total,
        page: query.page,
        per_page: query.per_page,
      };
    },

    async stats(): Promise<AdminUserStats> {
      const counts = await userCounts(db, parisMidnightUtc(`${parisToday(now()).slice(0, 8)}01`).toISOString());
      return {
        total_users: counts.total,
        active_users: counts.active,
        verified_users: counts.verified,
        admin_count: counts.admins,
        users_this_month: counts.thisMonth,
      };
    },

    get: one,

    /**
     * An account without a password: the invitation mail's link sets it (and proves the address). The
     * client secret is made now and never shown; its owner regenerates one in Settings.
     */
    async create(actor: Actor, input: CreateAdminUserRequest): Promise<AdminUser> {
      const email = input.email;
      const roleId = input.role_id ?? (await findRoleIdByName(db, 'visitor'));
      if (!(await findRoleRow(db, roleId))) {
        throw notFound(ErrorCode.ROLE_NOT_FOUND, 'Rôle introuvable.');
      }
      const taken = () => conflict(ErrorCode.USER_EXISTS, 'Un compte existe déjà avec cette adresse.', 'email');
      if (await findUserByEmail(db, email)) {
        throw taken();
      }
      const id = randomUUID();
      const stamp = now().toISOString();
      try {
        await insertUser(db, {
          id,
          email,
          hashed_password: null,
          client_id: newClientId(),
          ...protectClientSecret(keys, id, newClientSecret()),
          is_active: true,
          email_verified: false,
          debug_mode: false,
          admin_data_sharing: false,
          admin_data_sharing_enabled_at: null,
          role_id: roleId,
          created_at: stamp,
          updated_at: stamp,
        });
      } catch (error) {
        // Lost a race with a sign-up or another creation: the unique index let one through.
        if (await findUserByEmail(db, email)) {
          throw taken();
        }
        throw error;
      }
      await deps.mailQueue.enqueue({ kind: 'invitation', userId: id });
      await log(actor, 'user_created_by_admin', id);
      return one(id);
    },

    /** A deactivated account is refused on its very next request (the guard reads the row each time). */
    async toggleStatus(actor: Actor, id: string): Promise<AdminUser> {
      const user = await requireUser(id);
      if (user.id === actor.user.id) {
        throw notOnYourself('désactiver');
      }
      await updateUser(db, id, { is_active: !toBool(user.is_active) });
      await log(actor, toBool(user.is_active) ? 'user_deactivated' : 'user_activated', id);
      return one(id);
    },

    /** The account, its meters and consents (cascade), and every cache entry of it. */
    async remove(actor: Actor, id: string): Promise<void> {
      const user = await requireUser(id);
      if (user.id === actor.user.id) {
        throw notOnYourself('supprimer');
      }
      await cache.deleteByPrefix(userCachePrefix(keys, id));
      await deleteUser(db, id);
      await log(actor, 'user_deleted_by_admin', id);
    },

    async resetPassword(actor: Actor, id: string): Promise<void> {
      await requireUser(id);
      await deps.mailQueue.enqueue({ kind: 'admin-password-reset', userId: id, ip: actor.ip });
      await log(actor, 'password_reset_sent_by_admin', id);
    },

    /** Today's counters of both quotas go back to zero. */
    async resetQuota(actor: Actor, id: string): Promise<AdminUser> {
      await requireUser(id);
      const { day } = quotaDay(now());
      await cache.delete(quotaKey(keys, id, day, 'cached'), quotaKey(keys, id, day, 'no_cache'));
      await log(actor, 'quota_reset_by_admin', id);
      return one(id);
    },

    /** In debug mode every Enedis call made for the user is logged at warn level (enedis-http.ts). */
    async toggleDebug(actor: Actor, id: string): Promise<AdminUser> {
      const user = await requireUser(id);
      await updateUser(db, id, { debug_mode: !toBool(user.debug_mode) });
      await log(actor, toBool(user.debug_mode) ? 'debug_mode_off' : 'debug_mode_on', id);
      return one(id);
    },

    async clearCache(actor: Actor, id: string): Promise<CacheClearResult> {
      await requireUser(id);
      const deleted = await cache.deleteByPrefix(userCachePrefix(keys, id));
      await log(actor, 'user_cache_cleared_by_admin', id);
      return { deleted_keys: deleted, message: `${deleted} entrée(s) du cache de cet utilisateur supprimée(s).` };
    },
  };
}
export type AdminUsersService = ReturnType<typeof createAdminUsersService>;
