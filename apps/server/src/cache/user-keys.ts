import type { ServerKeys } from '../security/keys.ts';

/**
 * Every cache entry owned by a user lives under one opaque prefix derived from the user id with a
 * keyed hash: no PDL or email appears in key names, and deleting the account or rotating its secret
 * removes all of that user's entries with one prefix delete.
 */
export function userCachePrefix(keys: ServerKeys, userId: string): string {
  return `u:${keys.hmac('cache-keys', `user:${userId}`).slice(0, 22)}:`;
}
