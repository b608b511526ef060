import { ErrorCode } from '@med/contracts';
import type { Config } from '../../config/config.ts';
import { AppError } from '../../http/app-error.ts';
import type { Throttle } from '../../http/throttle.ts';
import { verifyPassword } from '../../security/passwords.ts';

/** How long after a login its session may confirm a sensitive action (delete the account) without the password. */
export const RECENT_LOGIN_MS = 15 * 60_000;

/** True when the password was proved (login, password change) at most `RECENT_LOGIN_MS` before `now`. */
export function loggedInRecently(authTime: Date | null, now: Date): boolean {
  return authTime !== null && now.getTime() - authTime.getTime() <= RECENT_LOGIN_MS;
}

/** 403, never 401: a client reads 401 as "session expired" and would sign a user out for a typo. */
function wrongPassword(error: { message: string; field: string }): AppError {
  return new AppError(403, ErrorCode.INVALID_PASSWORD, error.message, { field: error.field });
}

/**
 * Password checks behind a session (change password, delete the account), throttled per account the
 * way login is per e-mail: a stolen cookie or API key must not become an unlimited password oracle.
 * Failures are counted; once `LOGIN_MAX_ATTEMPTS_PER_EMAIL` of them fall in one window, every check
 * answers 429 (Retry-After: the time left in the window) without hashing anything, right password
 * included. A success clears the count. A wrong password answers 403 `INVALID_PASSWORD`.
 */
export function createPasswordCheck(deps: { throttle: Throttle; config: Config }) {
  const limit = deps.config.throttle.loginPerEmail;
  return async function checkPassword(
    user: { id: string; hashed_password: string | null },
    password: string,
    error: { message: string; field: string },
  ): Promise<void> {
    const name = `password:user:${user.id}`;
    await deps.throttle.check(name, limit);
    // An account without a password (the demo) never passes: nothing proves who is asking.
    if (!(await verifyPassword(user.hashed_password, password))) {
      await deps.throttle.hit(name, limit + 1);
      throw wrongPassword(error);
    }
    await deps.throttle.reset(name);
  };
}
export type PasswordCheck = ReturnType<typeof createPasswordCheck>;
