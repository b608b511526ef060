import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { open, seal } from './aead.ts';

describe('AES-256-GCM envelope', () => {
  const key = randomBytes(32);
  const plaintext = Buffer.from('{"interval_reading":[{"date":"2026-01-01","value":"1234"}]}');

  it('round-trips, with and without associated data, and never repeats a ciphertext', () => {
    const sealed = seal(key, plaintext, 'u:abc:consumption:2026-01-01');
    expect(open(key, sealed, 'u:abc:consumption:2026-01-01')).toEqual(plaintext);
    expect(sealed.includes(plaintext)).toBe(false);
    expect(seal(key, plaintext, 'u:abc:consumption:2026-01-01').equals(sealed)).toBe(false);
    expect(open(key, seal(key, plaintext))).toEqual(plaintext);
    expect(open(key, seal(key, Buffer.alloc(0)))).toEqual(Buffer.alloc(0));
  });

  it('returns null for any tampered byte', () => {
    const sealed = seal(key, plaintext, 'ctx');
    for (const index of [0, 1, 13, 29, sealed.length - 1]) {
      const tampered = Buffer.from(sealed);
      tampered[index] = (tampered[index] ?? 0) ^ 0x01;
      expect(open(key, tampered, 'ctx'), `byte ${index}`).toBeNull();
    }
    expect(open(key, sealed.subarray(0, sealed.length - 1), 'ctx')).toBeNull();
    expect(open(key, sealed.subarray(0, 20), 'ctx')).toBeNull();
    expect(open(key, Buffer.alloc(0))).toBeNull();
  });

  it('returns null under another key or other associated data', () => {
    const sealed = seal(key, plaintext, 'u:alice:key');
    expect(open(randomBytes(32), sealed, 'u:alice:key')).toBeNull();
    expect(open(key, sealed, 'u:bob:key')).toBeNull();
    expect(open(key, sealed)).toBeNull();
    expect(open(key, seal(key, plaintext), 'u:alice:key')).toBeNull();
  });
});
