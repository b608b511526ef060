import { apiErrorSchema, ErrorCode } from '@med/contracts';
import { ApiError, ClientErrorCode } from './ApiError.ts';
import { sharedViewHeader } from './sharedView.ts';

/** Anything with a zod-like `parse`; every schema of `@med/contracts` fits. */
export interface Schema<T> {
  parse(input: unknown): T;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  body?: unknown;
  /** A file sent as the raw body (e.g. a CSV upload) instead of JSON; its bytes go unchanged. */
  file?: { content: Blob; contentType: string } | undefined;
  query?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal | undefined;
}

export const API_BASE = '/api';

/**
 * Calls `/api{path}` with the session cookie, unwraps the `{success, data, error, timestamp}` envelope
 * and validates `data` with `schema`. Throws an `ApiError` for a non-2xx status or `success: false`.
 */
export async function request<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions & { schema: Schema<T> },
): Promise<T>;
export async function request(method: HttpMethod, path: string, options?: RequestOptions): Promise<unknown>;
export async function request<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions & { schema?: Schema<T> } = {},
): Promise<unknown> {
  const answer = await send(method, path, options);
  if (answer === null) {
    return undefined;
  }
  const envelope = asEnvelope(answer.payload);
  if (!answer.response.ok || envelope?.success !== true) {
    throw toApiError(answer.response, envelope);
  }
  return options.schema ? parseWith(method, path, answer.response, envelope.data, options.schema) : envelope.data;
}

/**
 * For the few routes that answer a raw body without the envelope (the reference's EcoWatt reads):
 * validates the body itself with `schema`. Errors still come enveloped and throw an `ApiError`.
 */
export async function requestRaw<T>(
  method: HttpMethod,
  path: string,
  options: RequestOptions & { schema: Schema<T> },
): Promise<T> {
  const answer = await send(method, path, options);
  if (answer === null) {
    throw new ApiError({
      status: 204,
      code: ClientErrorCode.INVALID_RESPONSE,
      message: `No body for ${method} ${path}.`,
    });
  }
  if (!answer.response.ok) {
    throw toApiError(answer.response, asEnvelope(answer.payload));
  }
  return parseWith(method, path, answer.response, answer.payload, options.schema);
}

/** Sends the request; null for "204 No Content", which carries nothing to unwrap or validate. */
async function send(
  method: HttpMethod,
  path: string,
  options: RequestOptions,
): Promise<{ response: Response; payload: unknown } | null> {
  const headers: Record<string, string> = { Accept: 'application/json', ...sharedViewHeader(method, path) };
  const init: RequestInit = { method, headers, credentials: 'include', signal: options.signal ?? null };
  if (options.file !== undefined) {
    headers['Content-Type'] = options.file.contentType;
    init.body = options.file.content;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), init);
  } catch (cause) {
    // An aborted request is the caller's decision, not a failure to report.
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError({ status: 0, code: ClientErrorCode.NETWORK_ERROR, message: 'The server could not be reached.' });
  }
  if (response.status === 204) {
    return null;
  }
  return { response, payload: await readJson(response) };
}

function parseWith<T>(method: HttpMethod, path: string, response: Response, data: unknown, schema: Schema<T>): T {
  try {
    return schema.parse(data);
  } catch {
    throw new ApiError({
      status: response.status,
      code: ClientErrorCode.INVALID_RESPONSE,
      message: `Unexpected response shape for ${method} ${path}.`,
    });
  }
}

export function buildUrl(path: string, query?: RequestOptions['query']): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) {
      search.set(key, String(value));
    }
  }
  const queryString = search.toString();
  return `${API_BASE}${path}${queryString ? `?${queryString}` : ''}`;
}

interface RawEnvelope {
  success: boolean;
  data: unknown;
  error: unknown;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) {
    return null;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A proxy error page (HTML) or a truncated body: not ours to interpret.
    return null;
  }
}

function asEnvelope(payload: unknown): RawEnvelope | null {
  if (typeof payload !== 'object' || payload === null || !('success' in payload)) {
    return null;
  }
  const record = payload as Record<string, unknown>;
  if (typeof record.success !== 'boolean') {
    return null;
  }
  return { success: record.success, data: record.data ?? null, error: record.error ?? null };
}

function toApiError(response: Response, envelope: RawEnvelope | null): ApiError {
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'));
  const parsed = apiErrorSchema.safeParse(envelope?.error);
  if (parsed.success) {
    return new ApiError({ status: response.status, ...parsed.data, retryAfterSeconds });
  }
  return new ApiError({
    status: response.status,
    code: fallbackCode(response.status, envelope),
    message: response.statusText || `HTTP ${response.status}`,
    retryAfterSeconds,
  });
}

/** Best guess when the answer carries no error object (e.g. a gateway in front of the server). */
function fallbackCode(status: number, envelope: RawEnvelope | null): string {
  if (status === 401) {
    return ErrorCode.UNAUTHORIZED;
  }
  if (status === 403) {
    return ErrorCode.FORBIDDEN;
  }
  if (status === 404) {
    return ErrorCode.NOT_FOUND;
  }
  if (status === 429) {
    return ErrorCode.RATE_LIMIT_EXCEEDED;
  }
  if (status === 502 || status === 503 || status === 504) {
    return ErrorCode.SERVICE_UNAVAILABLE;
  }
  if (envelope === null) {
    return ClientErrorCode.INVALID_RESPONSE;
  }
  return ErrorCode.INTERNAL_ERROR;
}

/** `Retry-After` is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') {
    return undefined;
  }
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed);
  }
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((at - now) / 1000));
}
