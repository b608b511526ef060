import type { ApiError, Envelope } from '@med/contracts';

/** Successful envelope; the HTTP status is set by the route. */
export function ok<T>(data: T, error: ApiError | null = null): Envelope<T> {
  return { success: true, data, error, timestamp: new Date().toISOString() };
}

export function failure(error: ApiError): Envelope<null> {
  return { success: false, data: null, error, timestamp: new Date().toISOString() };
}
