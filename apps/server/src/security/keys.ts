import { createHmac, createSecretKey, hkdfSync, type KeyObject } from 'node:crypto';

/**
 * Every key the server uses is derived from SECRET_KEY with HKDF and a distinct purpose label,
 * so no key is reused across purposes and rotating SECRET_KEY rotates them all.
 */
export type KeyPurpose =
  | 'jwt'
  | 'client-secret-encryption'
  | 'client-secret-lookup'
  | 'token-hash'
  | 'cache-encryption'
  | 'cache-keys'
  | 'mail-queue'
  | 'log-redaction'
  | 'exporter-secrets';

export interface ServerKeys {
  derive(purpose: KeyPurpose, context?: string): Buffer;
  /** Keyed hash for lookups of secrets we must find again (client secrets, cache key names). */
  hmac(purpose: KeyPurpose, value: string): string;
}

export function createServerKeys(secretKey: string): ServerKeys {
  const material = Buffer.from(secretKey, 'utf8');
  const memo = new Map<string, Buffer>();
  const derive = (purpose: KeyPurpose, context = ''): Buffer => {
    const id = `${purpose}\u0000${context}`;
    let key = memo.get(id);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', material, Buffer.from('myelectricaldata'), Buffer.from(id), 32));
      if (context === '') {
        memo.set(id, key);
      }
    }
    return key;
  };
  // KeyObjects built once per purpose: hashing with a raw Buffer key re-imports it on every call.
  const hmacKeys = new Map<KeyPurpose, KeyObject>();
  const hmacKey = (purpose: KeyPurpose): KeyObject => {
    let key = hmacKeys.get(purpose);
    if (!key) {
      key = createSecretKey(derive(purpose));
      hmacKeys.set(purpose, key);
    }
    return key;
  };
  return {
    derive,
    hmac: (purpose, value) => createHmac('sha256', hmacKey(purpose)).update(value).digest('base64url'),
  };
}
