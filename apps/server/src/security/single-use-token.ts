import { createHash, randomBytes } from 'node:crypto';

/** Random URL-safe token for email links; only its SHA-256 is stored, so a database leak reveals no link. */
export function newSingleUseToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashSingleUseToken(token) };
}

export function hashSingleUseToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
