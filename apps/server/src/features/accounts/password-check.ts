import { ErrorCode } from '@med/contracts';
import type { Config } from '../../config/config.ts';
import { AppError } from '../../http/app-error.ts';
import type { Throttle } from '../../http/throttle.ts';
import { verifyPassword } from '../../security/passwords.ts';

/**
 * Password checks behind a session (change password, delete the account), throttled per account the
 * way login is per e-mail: a stolen cookie or API key must not become an unlimited password oracle.
 * Failures are counted; once `LOGIN_MAX_ATTEMPTS_PER_EMAIL` of them fall in one window, every check
 * answers 429 (Retry-After: the time left in the window) without hashing anything, right password
 * included. A success clears the count.
 */
export function createPasswordCheck(deps: { throttle: Throttle; config: Config }) {
  const limit = deps.config.throttle.loginPerEmail;
  return async function checkPassword(
    user: { id: string; hashed_password: string | null },
    password: string | undefined,
    error: { message: string; field: string },
  ): Promise<void> {
    const name = `password:user:${user.id}`;
    await deps.throttle.check(name, limit);
    if (password === undefined) {
      // Nothing was guessed: not counted.
      throw new AppError(401, ErrorCode.INVALID_CREDENTIALS, error.message, { field: error.field });
    }
    // An account without a password (the demo) never passes: nothing proves who is asking.
    if (!(await verifyPassword(user.hashed_password, password))) {
      await deps.throttle.hit(name, limit + 1);
      throw new AppError(401, ErrorCode.INVALID_CREDENTIALS, error.message, { field: error.field });
    }
    await deps.throttle.reset(name);
  };
}
export type PasswordCheck = ReturnType<typeof createPasswordCheck>;
