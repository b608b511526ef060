import type { ServerKeys } from '../security/keys.ts';

/**
 * Every cache entry owned by a user lives under one opaque prefix derived from the user id with a
 * keyed hash: no PDL or email appears in key names, and deleting the account or rotating its secret
 * removes all of that user's entries with one prefix delete.
 */
export function userCachePrefix(keys: ServerKeys, userId: string): string {
  return `u:${keys.hmac('cache-keys', `user:${userId}`).slice(0, 22)}:`;
}

/** Kinds of cached Enedis data the admin console clears for every user at once. */
export type CachedDataKind = 'consumption' | 'production' | 'documents';
export const CACHED_DATA_KINDS: readonly CachedDataKind[] = ['consumption', 'production', 'documents'];

/**
 * The index of every cache entry of one kind (`CachePort.indexAdd`): clearing a kind for all users
 * deletes what it lists instead of scanning the key space for names that, being keyed hashes, no
 * pattern could tell apart anyway.
 */
export function cacheIndexKey(kind: CachedDataKind): string {
  return `cache-index:${kind}`;
}
