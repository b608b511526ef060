import { createSecretKey, randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import type { ServerKeys } from './keys.ts';

export interface AccessClaims {
  userId: string;
  /** Bumped on password change, secret rotation and logout-everywhere: older tokens stop working. */
  tokenVersion: number;
  /**
   * When the holder last proved the password (`auth_time`, OpenID Connect's name): set by login and
   * password change, carried over by a secret rotation, null for tokens a password did not earn
   * (client credentials, the demo). Recent enough, it confirms a sensitive action without retyping it.
   */
  authTime: Date | null;
}

/** A verified token of ours: its claims, its id (what logout revokes) and when it expires. */
export interface VerifiedToken extends AccessClaims {
  /** Unique per token (`jti`): logout revokes this one token, not the user's other sessions. */
  tokenId: string;
  expiresAt: Date;
}

const MAX_REMEMBERED = 10_000;

export function createJwt(keys: ServerKeys, expiresInMinutes: number) {
  // A KeyObject made once: jose would otherwise import the raw key on every sign and verify.
  const key = createSecretKey(keys.derive('jwt'));
  const verified = new Map<string, VerifiedToken>();
  return {
    async sign(claims: AccessClaims): Promise<string> {
      const authTime = claims.authTime === null ? {} : { auth_time: Math.floor(claims.authTime.getTime() / 1000) };
      return new SignJWT({ tv: claims.tokenVersion, ...authTime })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setJti(randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${expiresInMinutes}m`)
        .sign(key);
    },
    /**
     * Returns null for anything that is not a valid, unexpired token of ours. A verified signature is
     * remembered until the token expires (revocation is checked separately, against token_version and
     * the revoked token ids, which other instances may change). Tokens without a `jti` (issued before
     * logout could revoke one token) are refused: they could not be revoked.
     */
    async verify(token: string): Promise<VerifiedToken | null> {
      const known = verified.get(token);
      if (known) {
        if (known.expiresAt.getTime() > Date.now()) {
          return known;
        }
        verified.delete(token);
      }
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        const { sub, tv, exp, jti, auth_time: authTime } = payload;
        if (typeof sub !== 'string' || typeof tv !== 'number' || typeof exp !== 'number' || typeof jti !== 'string') {
          return null;
        }
        const claims: VerifiedToken = {
          userId: sub,
          tokenVersion: tv,
          tokenId: jti,
          expiresAt: new Date(exp * 1000),
          authTime: typeof authTime === 'number' ? new Date(authTime * 1000) : null,
        };
        if (verified.size >= MAX_REMEMBERED) {
          verified.clear();
        }
        verified.set(token, claims);
        return claims;
      } catch {
        return null;
      }
    },
    expiresInSeconds: expiresInMinutes * 60,
  };
}
export type JwtService = ReturnType<typeof createJwt>;
