import type { ErrorCode } from '@med/contracts';

/**
 * Codes the browser produces itself, on top of the server's stable codes:
 * the server could not be reached, or answered something that is not our envelope.
 */
export const ClientErrorCode = {
  NETWORK_ERROR: 'NETWORK_ERROR',
  INVALID_RESPONSE: 'INVALID_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

export interface ApiErrorDetails {
  status: number;
  code: ErrorCode | ClientErrorCode | (string & {});
  message: string;
  field?: string | undefined;
  /** Seconds to wait before retrying, from the `Retry-After` header of a 429. */
  retryAfterSeconds?: number | undefined;
}

/** Failure of an `/api` call: a non-2xx status, `success: false`, or an unreadable answer. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorDetails['code'];
  readonly field: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(details: ApiErrorDetails) {
    super(details.message);
    this.name = 'ApiError';
    this.status = details.status;
    this.code = details.code;
    this.field = details.field;
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
