/**
 * What can go wrong between the local client and its gateway, in the words the status page and the log
 * use. `retryAfterMs` (a 429's Retry-After) is read by the scheduler's backoff and by the sync plan.
 */
export type GatewayProblem =
  /** MED_CLIENT_ID / MED_CLIENT_SECRET unset: nothing to try until the configuration changes. */
  | 'not_configured'
  /** The gateway refuses the client id/secret (wrong, regenerated, or the account was deleted). */
  | 'bad_credentials'
  /** No answer, a timeout, or 5xx after the retries. */
  | 'unreachable'
  /** The gateway's daily quota (or throttle) for this account is used up: 429 with Retry-After. */
  | 'quota_exceeded'
  /** Any other refusal of one request (4xx with the gateway's error code). */
  | 'refused';

export class GatewayError extends Error {
  readonly problem: GatewayProblem;
  /** HTTP status of the gateway's answer, when there was one. */
  readonly status: number | undefined;
  /** The gateway's stable error code (`error.code` of its envelope, or the OAuth2 `error`). */
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    problem: GatewayProblem,
    message: string,
    details: { status?: number; code?: string; retryAfterMs?: number; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'GatewayError';
    this.problem = problem;
    this.status = details.status;
    this.code = details.code;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** `Retry-After` in seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, seconds * 1000);
  }
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The network-level reason of a failed fetch (ECONNREFUSED, ENOTFOUND, timeout…), for the log and the status. */
export function networkReason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return 'no answer in time';
  }
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause && typeof cause === 'object' && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  if (cause instanceof Error) {
    return cause.message; // e.g. fetch's "bad port"
  }
  return error instanceof Error ? error.message : String(error);
}
