import { createSecretKey } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { ServerKeys } from './keys.ts';

export interface AccessClaims {
  userId: string;
  /** Bumped on password change, secret rotation and logout-everywhere: older tokens stop working. */
  tokenVersion: number;
}

const MAX_REMEMBERED = 10_000;

export function createJwt(keys: ServerKeys, expiresInMinutes: number) {
  // A KeyObject made once: jose would otherwise import the raw key on every sign and verify.
  const key = createSecretKey(keys.derive('jwt'));
  const verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();
  return {
    async sign(claims: AccessClaims): Promise<string> {
      return new SignJWT({ tv: claims.tokenVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuedAt()
        .setExpirationTime(`${expiresInMinutes}m`)
        .sign(key);
    },
    /**
     * Returns null for anything that is not a valid, unexpired token of ours. A verified signature is
     * remembered until the token expires (revocation is checked separately, against token_version).
     */
    async verify(token: string): Promise<AccessClaims | null> {
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt > Date.now()) {
          return known.claims;
        }
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number' || typeof payload.exp !== 'number') {
          return null;
        }
        const claims = { userId: payload.sub, tokenVersion: payload.tv };
        if (verified.size >= MAX_REMEMBERED) {
          verified.clear();
        }
        verified.set(token, { claims, expiresAt: payload.exp * 1000 });
        return claims;
      } catch {
        return null;
      }
    },
    expiresInSeconds: expiresInMinutes * 60,
  };
}
export type JwtService = ReturnType<typeof createJwt>;
