import type { Db } from '../../db/database.ts';
import type { JwtService } from '../../security/jwt.ts';
import { revokeToken } from './sessions.repository.ts';

/** Ends sessions one token at a time (logout); password changes end all of them through token_version. */
export function createSessionsService(deps: { db: Db; jwt: JwtService; now?: () => Date }) {
  const now = deps.now ?? (() => new Date());
  return {
    /**
     * Revokes every access token the caller presented (session cookie, Bearer JWT). Only tokens we
     * signed and that have not expired are recorded: anything else is refused anyway, and a forged
     * token must not be able to fill the table.
     */
    async logout(tokens: readonly string[]): Promise<number> {
      let revoked = 0;
      for (const token of new Set(tokens)) {
        const verified = await deps.jwt.verify(token);
        if (verified) {
          await revokeToken(deps.db, verified.tokenId, verified.expiresAt, now());
          revoked += 1;
        }
      }
      return revoked;
    },
  };
}
export type SessionsService = ReturnType<typeof createSessionsService>;
