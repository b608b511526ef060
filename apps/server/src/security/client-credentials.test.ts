import { describe, expect, it } from 'vitest';
import { createServerKeys } from './keys.ts';
import {
  lookupHash,
  newClientId,
  newClientSecret,
  protectClientSecret,
  revealClientSecret,
  sameHash,
} from './client-credentials.ts';

describe('client credentials', () => {
  const keys = createServerKeys('Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5uVo0iXn');

  it('generates prefixed ids and long random secrets', () => {
    expect(newClientId()).toMatch(/^cli_[A-Za-z0-9_-]{43}$/);
    expect(newClientSecret()).toMatch(/^[A-Za-z0-9_-]{86}$/);
    expect(newClientSecret()).not.toBe(newClientSecret());
  });

  it('stores a secret as a lookup hash and an envelope that only its user can reveal', () => {
    const secret = newClientSecret();
    const stored = protectClientSecret(keys, 'user-1', secret);
    expect(stored.client_secret_hash).toBe(lookupHash(keys, secret));
    expect(stored.client_secret_enc).not.toContain(secret);
    expect(Buffer.from(stored.client_secret_enc, 'base64').toString('latin1')).not.toContain(secret);
    expect(revealClientSecret(keys, 'user-1', stored.client_secret_enc)).toBe(secret);
    // Bound to the user id and to the server key.
    expect(revealClientSecret(keys, 'user-2', stored.client_secret_enc)).toBeNull();
    expect(
      revealClientSecret(createServerKeys('another-secret-key-another-secret-key'), 'user-1', stored.client_secret_enc),
    ).toBeNull();
    expect(revealClientSecret(keys, 'user-1', 'bm90IGFuIGVudmVsb3Bl')).toBeNull();
  });

  it('compares hashes by value', () => {
    const hash = lookupHash(keys, 'secret');
    expect(sameHash(hash, lookupHash(keys, 'secret'))).toBe(true);
    expect(sameHash(hash, lookupHash(keys, 'secreT'))).toBe(false);
    expect(sameHash(hash, hash.slice(1))).toBe(false);
    expect(sameHash('', '')).toBe(true);
  });
});
