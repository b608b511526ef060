import type { AdminCacheClearAllResult } from '@med/contracts';
import type { CachePort } from '../../cache/cache.port.ts';
import { cacheIndexKey, type CachedDataKind } from '../../cache/user-keys.ts';
import type { Db } from '../../db/database.ts';
import { logActivity } from '../accounts/users.repository.ts';
import type { Actor } from './admin-users.service.ts';

const MESSAGES: Record<'consumption' | 'production' | 'all', (deleted: number) => string> = {
  consumption: (deleted) =>
    `Cache de consommation vidé pour tous les utilisateurs : ${deleted} entrée(s) supprimée(s).`,
  production: (deleted) => `Cache de production vidé pour tous les utilisateurs : ${deleted} entrée(s) supprimée(s).`,
  all: (deleted) => `Tout le cache des données Enedis vidé : ${deleted} entrée(s) supprimée(s).`,
};

/**
 * Clearing one kind of cached Enedis data for every user (`/api/admin/cache/*`). Entry names are keyed
 * hashes under a per-user prefix, so no key pattern could select "all consumption"; each kind keeps an
 * index of its entries instead (day-cache.ts writes it), and clearing deletes what the index lists.
 */
export function createAdminCachesService(deps: { db: Db; cache: CachePort }) {
  async function meterCount(): Promise<number> {
    const row = await deps.db
      .selectFrom('pdls')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    async clear(actor: Actor, what: 'consumption' | 'production' | 'all'): Promise<AdminCacheClearAllResult> {
      const kinds: CachedDataKind[] = what === 'all' ? ['consumption', 'production', 'documents'] : [what];
      let deleted = 0;
      for (const kind of kinds) {
        deleted += await deps.cache.deleteIndexed(cacheIndexKey(kind));
      }
      await logActivity(deps.db, {
        user_id: actor.user.id,
        action: 'cache_cleared_by_admin',
        ip: actor.ip,
        details: { kind: what, deleted_keys: deleted },
      });
      return { message: MESSAGES[what](deleted), total_pdls: await meterCount(), deleted_keys: deleted };
    },
  };
}
export type AdminCachesService = ReturnType<typeof createAdminCachesService>;
