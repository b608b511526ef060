import { createCipheriv, createDecipheriv, randomBytes, type KeyObject } from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM envelope: `version(1) | iv(12) | tag(16) | ciphertext`. `associatedData` binds the
 * ciphertext to its context (e.g. the cache key) so a value cannot be replayed under another key.
 */
export function seal(key: Buffer | KeyObject, plaintext: Buffer, associatedData?: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  if (associatedData !== undefined) {
    cipher.setAAD(Buffer.from(associatedData));
  }
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ciphertext]);
}

/** Returns null when the envelope is malformed, tampered with, or sealed under another key. */
export function open(key: Buffer | KeyObject, envelope: Buffer, associatedData?: string): Buffer | null {
  if (envelope.length < 1 + IV_BYTES + TAG_BYTES || envelope[0] !== VERSION) {
    return null;
  }
  const iv = envelope.subarray(1, 1 + IV_BYTES);
  const tag = envelope.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    if (associatedData !== undefined) {
      decipher.setAAD(Buffer.from(associatedData));
    }
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(envelope.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return null;
  }
}
