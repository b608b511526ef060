import { ErrorCode, messageSchema, pdlResponseSchema } from '@med/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signup } from './accounts.ts';
import { ApiError, ClientErrorCode } from './ApiError.ts';
import { buildUrl, parseRetryAfter, request, requestRaw } from './client.ts';

const timestamp = '2025-06-01T10:00:00Z';

function envelopeResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function ok(data: unknown, status = 200) {
  return envelopeResponse(status, { success: true, data, error: null, timestamp });
}

function failure(
  status: number,
  error: { code: string; message: string; field?: string },
  headers: Record<string, string> = {},
) {
  return envelopeResponse(status, { success: false, data: null, error, timestamp }, headers);
}

/** Installs a fake `fetch` answering `response` and returns the mock to inspect the calls. */
function fakeFetch(response: Response | (() => Promise<Response>)) {
  const mock = vi.fn<typeof fetch>(() => (typeof response === 'function' ? response() : Promise.resolve(response)));
  vi.stubGlobal('fetch', mock);
  return mock;
}

async function rejection(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("requestRaw (routes answering the reference's raw body)", () => {
  it('validates the body itself', async () => {
    fakeFetch(envelopeResponse(200, { message: 'raw' }));
    await expect(requestRaw('GET', '/ecowatt/statistics', { schema: messageSchema })).resolves.toEqual({
      message: 'raw',
    });
  });

  it('reads an enveloped error with its code', async () => {
    fakeFetch(failure(422, { code: ErrorCode.VALIDATION_ERROR, message: 'bad year', field: 'year' }));
    const error = await rejection(requestRaw('GET', '/ecowatt/statistics', { schema: messageSchema }));
    expect(error).toMatchObject({ status: 422, code: ErrorCode.VALIDATION_ERROR, field: 'year' });
  });

  it('refuses a body of the wrong shape', async () => {
    fakeFetch(envelopeResponse(200, { success: true, data: { message: 'wrapped' } }));
    const error = await rejection(requestRaw('GET', '/ecowatt/statistics', { schema: messageSchema }));
    expect(error.code).toBe(ClientErrorCode.INVALID_RESPONSE);
  });
});

describe('request', () => {
  it('unwraps data from a successful envelope and validates it', async () => {
    fakeFetch(ok({ message: 'ok' }));
    await expect(request('GET', '/ping-like', { schema: messageSchema })).resolves.toEqual({ message: 'ok' });
  });

  it('sends JSON with the session cookie under /api', async () => {
    const mock = fakeFetch(ok({ message: 'ok' }));
    await request('POST', '/accounts/login', { body: { email: 'a@b.fr', password: 'x' }, schema: messageSchema });
    const [url, init] = mock.mock.calls[0] ?? [];
    expect(url).toBe('/api/accounts/login');
    expect(init?.method).toBe('POST');
    expect(init?.credentials).toBe('include');
    expect(init?.body).toBe(JSON.stringify({ email: 'a@b.fr', password: 'x' }));
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('sends a file as the raw body, with its content type, instead of JSON', async () => {
    const mock = fakeFetch(ok({ message: 'ok' }));
    const content = new Blob(['Horodate;Valeur\n'], { type: 'text/csv' });
    await request('POST', '/history-import/12345678901234', {
      query: { file_name: 'export.csv' },
      file: { content, contentType: 'text/csv' },
    });
    const [url, init] = mock.mock.calls[0] ?? [];
    expect(url).toBe('/api/history-import/12345678901234?file_name=export.csv');
    expect(init?.body).toBe(content);
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });

  it('does not send a body or a content type on GET', async () => {
    const mock = fakeFetch(ok(null));
    await request('GET', '/accounts/me');
    const init = mock.mock.calls[0]?.[1];
    expect(init?.body).toBeUndefined();
    expect((init?.headers as Record<string, string>)['Content-Type']).toBeUndefined();
  });

  it('turns an error envelope into an ApiError with status, code, message and field', async () => {
    fakeFetch(
      failure(422, {
        code: ErrorCode.VALIDATION_ERROR,
        message: 'Le numéro de PDL doit comporter exactement 14 chiffres.',
        field: 'usage_point_id',
      }),
    );
    const error = await rejection(request('POST', '/pdl', { body: {}, schema: pdlResponseSchema }));
    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_ERROR', field: 'usage_point_id' });
    expect(error.message).toContain('14 chiffres');
  });

  it('fails on success:false even with a 2xx status', async () => {
    fakeFetch(
      envelopeResponse(200, {
        success: false,
        data: null,
        error: { code: 'PDL_NOT_FOUND', message: 'nope' },
        timestamp,
      }),
    );
    const error = await rejection(request('GET', '/pdl/x'));
    expect(error).toMatchObject({ status: 200, code: 'PDL_NOT_FOUND' });
  });

  it('fails on a non-2xx status even if the body claims success', async () => {
    fakeFetch(envelopeResponse(500, { success: true, data: {}, error: null, timestamp }));
    const error = await rejection(request('GET', '/pdl'));
    expect(error).toMatchObject({ status: 500, code: ErrorCode.INTERNAL_ERROR });
  });

  it('reads the wait of a 429 from Retry-After', async () => {
    fakeFetch(failure(429, { code: ErrorCode.TOO_MANY_ATTEMPTS, message: 'slow down' }, { 'Retry-After': '120' }));
    const error = await rejection(request('POST', '/accounts/login', { body: {} }));
    expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 120 });
  });

  it('maps a non-JSON error page to a code from its status', async () => {
    fakeFetch(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = await rejection(request('GET', '/pdl'));
    expect(error).toMatchObject({ status: 502, code: ErrorCode.SERVICE_UNAVAILABLE });
  });

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = await rejection(request('GET', '/pdl'));
    expect(error).toMatchObject({ status: 0, code: ClientErrorCode.NETWORK_ERROR });
  });

  it('lets an abort through untouched', async () => {
    fakeFetch(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    await expect(request('GET', '/pdl')).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('rejects data that does not match the schema', async () => {
    fakeFetch(ok({ unexpected: true }));
    const error = await rejection(request('GET', '/pdl/1', { schema: pdlResponseSchema }));
    expect(error).toMatchObject({ status: 200, code: ClientErrorCode.INVALID_RESPONSE });
  });

  it('returns undefined for 204 No Content', async () => {
    fakeFetch(new Response(null, { status: 204 }));
    await expect(request('DELETE', '/pdl/1')).resolves.toBeUndefined();
  });
});

describe('signup outcome', () => {
  it('returns the credentials of a new account (201)', async () => {
    fakeFetch(ok({ client_id: 'cli_abc', client_secret: 's3cr3t', message: 'Compte créé', signed_in: true }, 201));
    await expect(signup({ email: 'a@b.fr', password: 'Abcdefg1' })).resolves.toEqual({
      kind: 'created',
      clientId: 'cli_abc',
      clientSecret: 's3cr3t',
      message: 'Compte créé',
      signedIn: true,
    });
  });

  it('returns only a message when the email is already registered (202)', async () => {
    fakeFetch(ok({ message: 'Vérifiez votre boîte mail' }, 202));
    await expect(signup({ email: 'a@b.fr', password: 'Abcdefg1' })).resolves.toEqual({
      kind: 'check-mailbox',
      message: 'Vérifiez votre boîte mail',
    });
  });
});

describe('helpers', () => {
  it('builds URLs with encoded query parameters and skips undefined ones', () => {
    expect(buildUrl('/accounts/verify-email', { token: 'a b&c', missing: undefined })).toBe(
      '/api/accounts/verify-email?token=a+b%26c',
    );
    expect(buildUrl('/pdl')).toBe('/api/pdl');
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-06-01T10:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Sun, 01 Jun 2025 10:01:30 GMT', now)).toBe(90);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
