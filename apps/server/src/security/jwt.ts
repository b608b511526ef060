import { SignJWT, jwtVerify } from 'jose';
import type { ServerKeys } from './keys.ts';

export interface AccessClaims {
  userId: string;
  /** Bumped on password change, secret rotation and logout-everywhere: older tokens stop working. */
  tokenVersion: number;
}

export function createJwt(keys: ServerKeys, expiresInMinutes: number) {
  const key = keys.derive('jwt');
  return {
    async sign(claims: AccessClaims): Promise<string> {
      return new SignJWT({ tv: claims.tokenVersion })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.userId)
        .setIssuedAt()
        .setExpirationTime(`${expiresInMinutes}m`)
        .sign(key);
    },
    /** Returns null for anything that is not a valid, unexpired token of ours. */
    async verify(token: string): Promise<AccessClaims | null> {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'] });
        if (typeof payload.sub !== 'string' || typeof payload.tv !== 'number') return null;
        return { userId: payload.sub, tokenVersion: payload.tv };
      } catch {
        return null;
      }
    },
    expiresInSeconds: expiresInMinutes * 60,
  };
}
export type JwtService = ReturnType<typeof createJwt>;
