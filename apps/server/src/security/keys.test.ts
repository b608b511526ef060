import { describe, expect, it } from 'vitest';
import { createServerKeys } from './keys.ts';

describe('server keys', () => {
  const keys = createServerKeys('Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5uVo0iXn');

  it('derives stable 32-byte keys, distinct per purpose and context', () => {
    const jwt = keys.derive('jwt');
    expect(jwt).toHaveLength(32);
    expect(createServerKeys('Zq8vN2xK7mLp4RtW9yBc3HdF6gJs1QaE5uVo0iXn').derive('jwt')).toEqual(jwt);
    expect(keys.derive('cache-encryption')).not.toEqual(jwt);
    expect(keys.derive('cache-encryption', 'user-1')).not.toEqual(keys.derive('cache-encryption', 'user-2'));
    expect(keys.derive('cache-encryption', 'user-1')).toEqual(keys.derive('cache-encryption', 'user-1'));
    expect(createServerKeys('another-secret-key-another-secret-key').derive('jwt')).not.toEqual(jwt);
  });

  it('keyed lookup hashes are stable and separated by purpose', () => {
    const hash = keys.hmac('client-secret-lookup', 'value');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(keys.hmac('client-secret-lookup', 'value')).toBe(hash);
    expect(keys.hmac('cache-keys', 'value')).not.toBe(hash);
    expect(keys.hmac('client-secret-lookup', 'value2')).not.toBe(hash);
    expect(createServerKeys('another-secret-key-another-secret-key').hmac('client-secret-lookup', 'value')).not.toBe(
      hash,
    );
  });
});
