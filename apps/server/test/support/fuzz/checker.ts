import { ErrorCode } from '@med/contracts';

/** What the checker needs of an answer (a light-my-request response or a fetch one, adapted). */
export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/**
 * Operations whose answers are documented exceptions to the envelope (architecture §6): the raw OAuth2
 * token response and the reference's raw EcoWatt bodies. Their answers must still be JSON and < 500.
 */
export const RAW_BODY_OPERATIONS: ReadonlySet<string> = new Set([
  'POST /api/accounts/token',
  'GET /api/ecowatt/current',
  'GET /api/ecowatt/history',
  'GET /api/ecowatt/statistics',
  'GET /api/ecowatt/refresh/status',
]);

/** The OAuth callback answers with a redirect to the SPA (success or error in its query). */
export const REDIRECT_OPERATIONS: ReadonlySet<string> = new Set(['GET /api/oauth/callback']);

const KNOWN_CODES: ReadonlySet<string> = new Set(Object.values(ErrorCode));
const ENVELOPE_KEYS = ['data', 'error', 'success', 'timestamp'].join(',');

function parseJson(body: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

function envelopeProblem(statusCode: number, value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return 'body is not an object';
  }
  const body = value as Record<string, unknown>;
  if (Object.keys(body).sort().join(',') !== ENVELOPE_KEYS) {
    return `envelope keys are ${Object.keys(body).sort().join(',')}`;
  }
  if (typeof body.timestamp !== 'string' || Number.isNaN(Date.parse(body.timestamp))) {
    return 'timestamp is not a date';
  }
  if (statusCode >= 400) {
    if (body.success !== false || body.data !== null) {
      return `error status ${statusCode} with success=${String(body.success)}`;
    }
    const error = body.error as Record<string, unknown> | null;
    if (error === null || typeof error !== 'object') {
      return 'error status without an error object';
    }
    if (typeof error.code !== 'string' || !KNOWN_CODES.has(error.code)) {
      return `error code ${JSON.stringify(error.code)} is not one of packages/contracts`;
    }
    if (typeof error.message !== 'string' || error.message.length === 0) {
      return 'error without a message';
    }
    if (error.field !== undefined && typeof error.field !== 'string') {
      return 'error field is not a string';
    }
    return undefined;
  }
  if (body.success !== true) {
    return `status ${statusCode} with success=${String(body.success)}`;
  }
  return undefined;
}

/**
 * Why `answer` breaks the API contract for `operation` (`GET /api/pdl/{id}`), or undefined when it is
 * fine: any 5xx, and anything else than the JSON envelope with a known error code, except for the
 * documented raw bodies (still JSON) and the OAuth callback's redirect.
 */
export function contractProblem(operation: string, answer: Answer): string | undefined {
  if (answer.statusCode >= 500) {
    return `status ${answer.statusCode}`;
  }
  if (REDIRECT_OPERATIONS.has(operation) && answer.statusCode >= 300 && answer.statusCode < 400) {
    return typeof answer.headers.location === 'string' ? undefined : 'redirect without a location';
  }
  const contentType = String(answer.headers['content-type'] ?? '');
  if (!contentType.startsWith('application/json')) {
    return `content-type ${JSON.stringify(contentType)}`;
  }
  const parsed = parseJson(answer.body);
  if (!parsed.ok) {
    return 'body is not JSON';
  }
  if (RAW_BODY_OPERATIONS.has(operation)) {
    return undefined;
  }
  return envelopeProblem(answer.statusCode, parsed.value);
}
