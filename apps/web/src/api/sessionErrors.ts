import { ErrorCode } from '@med/contracts';
import { isApiError } from './ApiError.ts';

/**
 * True when an API error says the session is gone: the guard answers 401 UNAUTHORIZED for a missing,
 * invalid, expired or revoked cookie or token (and the client maps a bare 401 from a proxy to that code).
 * Other 401s are not about the session (INVALID_CREDENTIALS is a wrong login). A wrong current password
 * typed to confirm an action answers 403 INVALID_PASSWORD, so it never looks like an ended session.
 */
export function endsSession(error: unknown): boolean {
  return isApiError(error) && error.status === 401 && error.code === ErrorCode.UNAUTHORIZED;
}

/** A password typed to confirm an action (change password, delete the account) was refused. */
export function isWrongPassword(error: unknown): boolean {
  return isApiError(error) && error.code === ErrorCode.INVALID_PASSWORD;
}
