import { randomBytes, timingSafeEqual } from 'node:crypto';
import { open, seal } from './aead.ts';
import type { ServerKeys } from './keys.ts';

/** `cli_` + 32 random bytes, as in the reference. */
export function newClientId(): string {
  return `cli_${randomBytes(32).toString('base64url')}`;
}

/** 64 random bytes, base64url (86 characters). Shown to the user once. */
export function newClientSecret(): string {
  return randomBytes(64).toString('base64url');
}

/**
 * Client secrets are stored twice, never in clear: a keyed hash for constant-time lookup by index
 * (no scan of all users) and an AES-GCM envelope because the per-user cache key is derived from it.
 */
export function protectClientSecret(keys: ServerKeys, userId: string, secret: string) {
  return {
    client_secret_hash: lookupHash(keys, secret),
    client_secret_enc: seal(keys.derive('client-secret-encryption'), Buffer.from(secret), userId).toString('base64'),
  };
}

export function lookupHash(keys: ServerKeys, secret: string): string {
  return keys.hmac('client-secret-lookup', secret);
}

export function revealClientSecret(keys: ServerKeys, userId: string, encrypted: string): string | null {
  const plain = open(keys.derive('client-secret-encryption'), Buffer.from(encrypted, 'base64'), userId);
  return plain?.toString() ?? null;
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
