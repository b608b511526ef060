/**
 * Opaque access tokens of the client_credentials grant. Expiry follows the emulator clock (`now`),
 * so a test can move time forward and see the adapter renew its token.
 */
import { randomBytes } from 'node:crypto';

interface IssuedToken {
  clientId: string;
  expiresAt: number;
}

export class TokenStore {
  #tokens = new Map<string, IssuedToken>();

  /** A new random token for `clientId`, valid `lifetimeSeconds` from `now`. */
  issue(clientId: string, now: Date, lifetimeSeconds: number): string {
    this.#dropExpired(now.getTime());
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { clientId, expiresAt: now.getTime() + lifetimeSeconds * 1000 });
    return token;
  }

  /** The client owning a live token, or null for an unknown, revoked or expired one. */
  clientOf(token: string, now: Date): string | null {
    const issued = this.#tokens.get(token);
    if (!issued) {
      return null;
    }
    if (issued.expiresAt <= now.getTime()) {
      this.#tokens.delete(token);
      return null;
    }
    return issued.clientId;
  }

  revoke(token: string): void {
    this.#tokens.delete(token);
  }

  /** Expires every token at once (tests of the adapter's 401 handling). */
  revokeAll(): void {
    this.#tokens.clear();
  }

  #dropExpired(now: number): void {
    // Bounded housekeeping: long benchmark runs issue many tokens.
    if (this.#tokens.size < 1000) {
      return;
    }
    for (const [token, issued] of this.#tokens) {
      if (issued.expiresAt <= now) {
        this.#tokens.delete(token);
      }
    }
  }
}
