import { ErrorCode } from '@med/contracts';
import { AppError } from '../../http/app-error.ts';

/**
 * How an RTE call failed. The admin "test" view reports these as ok/forbidden/rate_limited/server_error/
 * timeout/error; jobs back off on all of them.
 */
export type RteFailureKind =
  | 'bad_request'
  | 'forbidden'
  | 'unauthorized'
  | 'throttled'
  | 'server_error'
  | 'timeout'
  | 'network'
  | 'invalid_response';

/** An RTE failure as a gateway error: 502 when RTE refused the request, 503 when it is unavailable. */
export class RteError extends AppError {
  readonly kind: RteFailureKind;
  readonly httpStatus: number | null;
  /** RTE's `error` (or `error_code`, as one client reads it), e.g. `TMPLIKSUPCON_TMPLIKCAL_F04`. */
  readonly rteCode: string | undefined;
  /** How long RTE wants us to wait (429), when known; the scheduler's backoff honours it. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: RteFailureKind,
    message: string,
    details: {
      httpStatus?: number | null;
      rteCode?: string | undefined;
      retryAfterMs?: number | undefined;
      cause?: unknown;
    } = {},
  ) {
    const unavailable = kind === 'throttled' || kind === 'server_error' || kind === 'timeout' || kind === 'network';
    const headers: Record<string, string> = unavailable
      ? { 'retry-after': String(Math.max(1, Math.ceil((details.retryAfterMs ?? 60_000) / 1000))) }
      : {};
    super(unavailable ? 503 : 502, unavailable ? ErrorCode.RTE_UNAVAILABLE : ErrorCode.RTE_ERROR, message, {
      headers,
      cause: details.cause,
    });
    this.name = 'RteError';
    this.kind = kind;
    this.httpStatus = details.httpStatus ?? null;
    this.rteCode = details.rteCode;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** `error` of RTE's error body (`error_code` as a fallback, as the Domogik plugin reads it). */
export function rteErrorCode(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const record = body as Record<string, unknown>;
  const code = record.error ?? record.error_code;
  return typeof code === 'string' ? code : undefined;
}

export function rteErrorDescription(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) {
    return undefined;
  }
  const description = (body as Record<string, unknown>).error_description;
  return typeof description === 'string' ? description : undefined;
}

/** Retry-After as seconds or an HTTP date; RTE sending it is unverified, so absent is the normal case. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) {
    return seconds * 1000;
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Tempo's "not possible to recover data to this term": tomorrow is not published yet. */
export function isTempoNotPublished(error: unknown): boolean {
  return error instanceof RteError && error.kind === 'bad_request' && (error.rteCode ?? '').endsWith('_F04');
}
