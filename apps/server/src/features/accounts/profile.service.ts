import { ErrorCode, type ClientCredentials, type MeResponse, type UsageStats } from '@med/contracts';
import { userCachePrefix } from '../../cache/user-keys.ts';
import { toBool } from '../../db/database.ts';
import type { AppDeps } from '../../deps.ts';
import { AppError, unauthorized } from '../../http/app-error.ts';
import type { AuthUser } from '../../http/auth.ts';
import { newClientSecret, protectClientSecret } from '../../security/client-credentials.ts';
import { quotaDay, quotaKey } from '../quotas/quota-keys.ts';
import { createPasswordCheck, loggedInRecently } from './password-check.ts';
import { deleteUser, findUserById, logActivity, revokeUserTokens, updateUser } from './users.repository.ts';

/** What an authenticated user can see and change about their own account. */
export function createProfileService(deps: AppDeps) {
  const { db, keys, cache, config, jwt } = deps;
  const checkPassword = createPasswordCheck(deps);

  return {
    me(user: AuthUser): MeResponse {
      const row = user.row;
      return {
        id: row.id,
        email: row.email,
        client_id: row.client_id,
        is_active: toBool(row.is_active),
        email_verified: toBool(row.email_verified),
        created_at: row.created_at,
        is_admin: user.isAdmin,
        is_demo: user.isDemo,
        debug_mode: toBool(row.debug_mode),
        admin_data_sharing: toBool(row.admin_data_sharing),
        admin_data_sharing_enabled_at: row.admin_data_sharing_enabled_at,
        role: {
          id: user.role.id,
          name: user.role.name,
          display_name: user.role.display_name,
          permissions: user.role.permissions,
        },
      };
    },

    /**
     * Deletes the account, its meters (cascade) and every cache entry of the user. Either the password
     * is given, or the session logged in with it within the last 15 minutes (the reference's web app
     * sends no body). An API key or a client-credentials token never suffices alone: it lives in scripts
     * and home-automation configs, and leaking it must not be enough to erase the account.
     */
    async deleteAccount(user: AuthUser, password: string | undefined, ip: string, now = new Date()): Promise<void> {
      if (password !== undefined) {
        await checkPassword(user.row, password, { message: 'Mot de passe incorrect.', field: 'password' });
      } else if (!loggedInRecently(user.authTime, now)) {
        throw new AppError(
          403,
          ErrorCode.REAUTHENTICATION_REQUIRED,
          'Confirmez avec votre mot de passe, ou reconnectez-vous (connexion de moins de 15 minutes).',
          { field: 'password' },
        );
      }
      await cache.deleteByPrefix(userCachePrefix(keys, user.id));
      await deleteUser(db, user.id);
      await logActivity(db, { user_id: null, action: 'account_deleted', ip });
    },

    /**
     * New secret shown once; old tokens and every encrypted cache entry (keyed on the old secret) go away.
     * Also returns a session token for the caller, signed like login's against the bumped token_version:
     * a browser must stay signed in to read the new secret, which is never shown again.
     */
    async regenerateSecret(
      user: AuthUser,
      ip: string,
    ): Promise<{ credentials: ClientCredentials; sessionToken: string }> {
      const secret = newClientSecret();
      await updateUser(db, user.id, protectClientSecret(keys, user.id, secret));
      await revokeUserTokens(db, user.id);
      await cache.deleteByPrefix(userCachePrefix(keys, user.id));
      await logActivity(db, { user_id: user.id, action: 'secret_regenerated', ip });
      const row = await findUserById(db, user.id);
      if (!row) {
        // Deleted by a concurrent request: there is no account left to sign in to.
        throw unauthorized();
      }
      return {
        credentials: { client_id: user.row.client_id, client_secret: secret },
        // Rotating the secret proves nothing new: the new session keeps the old one's login time.
        sessionToken: await jwt.sign({ userId: row.id, tokenVersion: row.token_version, authTime: user.authTime }),
      };
    },

    async usageStats(user: AuthUser): Promise<UsageStats> {
      const { day, resetAt } = quotaDay();
      const [cached, noCache] = await Promise.all([
        cache.counter(quotaKey(keys, user.id, day, 'cached')),
        cache.counter(quotaKey(keys, user.id, day, 'no_cache')),
      ]);
      return {
        cached_requests: cached,
        no_cache_requests: noCache,
        cached_limit: user.isAdmin ? null : config.quotas.withCachePerDay,
        no_cache_limit: user.isAdmin ? null : config.quotas.noCachePerDay,
        date: day,
        reset_at: resetAt.toISOString(),
      };
    },

    async toggleAdminSharing(
      user: AuthUser,
    ): Promise<{ admin_data_sharing: boolean; admin_data_sharing_enabled_at: string | null }> {
      const enabled = !toBool(user.row.admin_data_sharing);
      const enabledAt = enabled ? new Date().toISOString() : null;
      await updateUser(db, user.id, { admin_data_sharing: enabled, admin_data_sharing_enabled_at: enabledAt });
      return { admin_data_sharing: enabled, admin_data_sharing_enabled_at: enabledAt };
    },
  };
}
export type ProfileService = ReturnType<typeof createProfileService>;
