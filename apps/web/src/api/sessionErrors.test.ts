import { ErrorCode, type MeResponse } from '@med/contracts';
import { describe, expect, it } from 'vitest';
import { ApiError, ClientErrorCode } from './ApiError.ts';
import { createQueryClient } from './queryClient.ts';
import { queryKeys } from './queryKeys.ts';
import { endsSession, isWrongPassword } from './sessionErrors.ts';

const sessionGone = new ApiError({ status: 401, code: ErrorCode.UNAUTHORIZED, message: 'Authentification requise.' });
const wrongPassword = new ApiError({
  status: 403,
  code: ErrorCode.INVALID_PASSWORD,
  message: 'Mot de passe actuel incorrect.',
  field: 'old_password',
});

describe('endsSession', () => {
  it('is true only for the 401 UNAUTHORIZED of a missing, expired or revoked session', () => {
    expect(endsSession(sessionGone)).toBe(true);
    expect(endsSession(wrongPassword)).toBe(false);
  });

  it('is false for refusals of a signed-in user and for failures that say nothing about the session', () => {
    for (const [status, code] of [
      [403, ErrorCode.FORBIDDEN],
      [403, ErrorCode.DEMO_READ_ONLY],
      [403, ErrorCode.EMAIL_NOT_VERIFIED],
      [429, ErrorCode.RATE_LIMIT_EXCEEDED],
      [500, ErrorCode.INTERNAL_ERROR],
      [0, ClientErrorCode.NETWORK_ERROR],
    ] as const) {
      expect(endsSession(new ApiError({ status, code, message: code })), code).toBe(false);
    }
    expect(endsSession(new Error('boom'))).toBe(false);
    expect(endsSession(undefined)).toBe(false);
  });
});

describe('isWrongPassword', () => {
  it('recognises the refused password of a confirmation form', () => {
    expect(isWrongPassword(wrongPassword)).toBe(true);
    expect(isWrongPassword(sessionGone)).toBe(false);
    // A wrong login (the sign-in form) is not a refused confirmation.
    expect(isWrongPassword(new ApiError({ status: 401, code: ErrorCode.INVALID_CREDENTIALS, message: 'x' }))).toBe(
      false,
    );
    expect(isWrongPassword(new Error('INVALID_PASSWORD'))).toBe(false);
  });
});

describe('the app query client on a failed call', () => {
  const me = { id: 'u1', email: 'me@example.org' } as MeResponse;

  async function signedInAfterFailure(error: ApiError): Promise<unknown> {
    const queryClient = createQueryClient();
    queryClient.setQueryData(queryKeys.me, me);
    const mutation = queryClient.getMutationCache().build(queryClient, {
      mutationFn: () => Promise.reject(error),
    });
    await expect(mutation.execute(undefined)).rejects.toBe(error);
    return queryClient.getQueryData(queryKeys.me);
  }

  it('keeps the user signed in after a wrong current password (Settings forms)', async () => {
    expect(await signedInAfterFailure(wrongPassword)).toBe(me);
  });

  it('signs the user out when the session is gone', async () => {
    expect(await signedInAfterFailure(sessionGone)).toBeNull();
  });

  it('signs the user out when a query finds the session gone', async () => {
    const queryClient = createQueryClient();
    queryClient.setQueryData(queryKeys.me, me);
    await queryClient
      .fetchQuery({ queryKey: queryKeys.credentials, queryFn: () => Promise.reject(sessionGone), retry: false })
      .catch(() => undefined);
    expect(queryClient.getQueryData(queryKeys.me)).toBeNull();
  });
});
