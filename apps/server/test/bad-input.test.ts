import { connect } from 'node:net';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from './support/backends.ts';
import { createUser, STRONG_PASSWORD, type TestUser } from './support/accounts-helpers.ts';
import { countRows, createPdl, expectError, nextPrm } from './support/pdl-helpers.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

const BODY_LIMIT = 16 * 1024;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

const METERING_ROUTES = [
  'consumption/daily',
  'consumption/detail',
  'consumption/detail/batch',
  'power',
  'production/daily',
  'production/detail',
  'production/detail/batch',
] as const;

/** Writes `request` on a raw socket and returns what the server answered until it closed the connection. */
async function rawExchange(port: number, request: string): Promise<{ status: number; headers: string; body: string }> {
  const socket = connect(port, '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  // The server may close the connection before it has read everything: that is an answer too.
  socket.on('error', () => undefined);
  socket.write(request);
  await closed;
  const text = Buffer.concat(chunks).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: text.slice(split + 4) };
}

describe.each(backends)('bad input on $name', (backend) => {
  let server: TestServer;
  let user: TestUser;
  let auth: Record<string, string>;
  let pdlId: string;
  let prm: string;
  let rowsBefore: { users: number; pdls: number };

  beforeAll(async () => {
    server = await startTestServer(backend, { BODY_LIMIT_BYTES: String(BODY_LIMIT) });
    user = await createUser(server, 'bad');
    auth = { cookie: user.cookie };
    const pdl = await createPdl(server, auth);
    pdlId = pdl.id;
    prm = pdl.usage_point_id;
    rowsBefore = { users: await countRows(server, 'users'), pdls: await countRows(server, 'pdls') };
  });
  afterAll(async () => {
    // Nothing below may create a row: every request in this file is refused.
    expect({ users: await countRows(server, 'users'), pdls: await countRows(server, 'pdls') }).toEqual(rowsBefore);
    await server.close();
  });

  let address = 0;
  /** Each request from its own address so per-IP throttles never mask the answer under test. */
  async function send(options: InjectOptions): Promise<LightMyRequestResponse> {
    address += 1;
    const response = await server.app.inject({ remoteAddress: `198.51.100.${address % 250}`, ...options });
    expect(response.statusCode, `${options.method ?? ''} ${options.url as string}: ${response.body}`).toBeLessThan(500);
    return response;
  }

  /** JSON-body routes with a body that would otherwise be valid enough to reach the handler. */
  const jsonRoutes = () =>
    [
      { name: 'signup', method: 'POST', url: '/api/accounts/signup', headers: {} },
      { name: 'login', method: 'POST', url: '/api/accounts/login', headers: {} },
      { name: 'reset-password', method: 'POST', url: '/api/accounts/reset-password', headers: {} },
      { name: 'pdl create', method: 'POST', url: '/api/pdl', headers: auth },
      { name: 'pdl name', method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth },
      { name: 'pdl contract', method: 'PATCH', url: `/api/pdl/${pdlId}/contract`, headers: auth },
      { name: 'pdl reorder', method: 'PATCH', url: '/api/pdl/reorder', headers: auth },
    ] as const;

  it('answers malformed JSON with 400 INVALID_JSON', async () => {
    for (const route of jsonRoutes()) {
      for (const payload of ['{"email":', '{"a":1}}', "{'single':1}", '', '{"__proto__":{"polluted":true}}']) {
        const response = await send({
          method: route.method,
          url: route.url,
          headers: { ...route.headers, 'content-type': 'application/json' },
          payload,
        });
        expectError(response, 400, 'INVALID_JSON');
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers wrong types with 422 VALIDATION_ERROR naming the field', async () => {
    const cases: [InjectOptions, string][] = [
      [{ method: 'POST', url: '/api/accounts/signup', payload: { email: 42, password: STRONG_PASSWORD } }, 'email'],
      [
        { method: 'POST', url: '/api/accounts/signup', payload: { email: 'x@example.org', password: ['a'] } },
        'password',
      ],
      [{ method: 'POST', url: '/api/accounts/login', payload: { email: user.email, password: 12345678 } }, 'password'],
      [
        { method: 'POST', url: '/api/accounts/reset-password', payload: { token: 5, new_password: STRONG_PASSWORD } },
        'token',
      ],
      [
        { method: 'POST', url: '/api/pdl', headers: auth, payload: { usage_point_id: 12345678901234 } },
        'usage_point_id',
      ],
      [{ method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: 42 } }, 'name'],
      [
        { method: 'PATCH', url: `/api/pdl/${pdlId}/contract`, headers: auth, payload: { subscribed_power: '6' } },
        'subscribed_power',
      ],
      [
        {
          method: 'PATCH',
          url: `/api/pdl/${pdlId}/contract`,
          headers: auth,
          payload: { offpeak_hours: 'HC 22:00-06:00' },
        },
        'offpeak_hours',
      ],
      [
        {
          method: 'PATCH',
          url: '/api/pdl/reorder',
          headers: auth,
          payload: { pdl_orders: [{ id: pdlId, order: 'first' }] },
        },
        'pdl_orders.0.order',
      ],
      [
        { method: 'PATCH', url: '/api/pdl/reorder', headers: auth, payload: { pdl_orders: { id: pdlId } } },
        'pdl_orders',
      ],
      [{ method: 'GET', url: '/api/accounts/verify-email?token=a&token=b' }, 'token'],
      [{ method: 'GET', url: '/api/accounts/verify-email' }, 'token'],
    ];
    for (const [options, field] of cases) {
      expectError(await send(options), 422, 'VALIDATION_ERROR', field);
    }
    // A body that is not an object at all.
    for (const payload of ['[1,2]', 'null', '"text"', '12']) {
      expectError(
        await send({
          method: 'POST',
          url: '/api/pdl',
          headers: { ...auth, 'content-type': 'application/json' },
          payload,
        }),
        422,
        'VALIDATION_ERROR',
      );
    }
  });

  it('answers unknown fields with 422 naming the field, and writes nothing', async () => {
    const cases: [InjectOptions, string][] = [
      [
        {
          method: 'POST',
          url: '/api/accounts/signup',
          payload: { email: `extra-${Date.now()}@example.org`, password: STRONG_PASSWORD, is_admin: true },
        },
        'is_admin',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/login',
          payload: { email: user.email, password: user.password, remember_me: true },
        },
        'remember_me',
      ],
      [
        {
          method: 'POST',
          url: '/api/pdl',
          headers: auth,
          payload: { usage_point_id: nextPrm(), user_id: 'someone-else' },
        },
        'user_id',
      ],
      [
        { method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: 'ok', display_order: 1 } },
        'display_order',
      ],
      [
        {
          method: 'PATCH',
          url: `/api/pdl/${pdlId}/contract`,
          headers: auth,
          payload: { subscribed_power: 6, pricing_option: 'BASE' },
        },
        'pricing_option',
      ],
      [
        {
          method: 'PATCH',
          url: '/api/pdl/reorder',
          headers: auth,
          payload: { pdl_orders: [{ id: pdlId, order: 1, user_id: 'x' }] },
        },
        'pdl_orders.0.user_id',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/reset-password',
          payload: { token: 'abc', new_password: STRONG_PASSWORD, email: user.email },
        },
        'email',
      ],
      [{ method: 'GET', url: '/api/accounts/verify-email?token=abc&admin=1' }, 'admin'],
    ];
    for (const [options, field] of cases) {
      const response = await send(options);
      expectError(response, 422, 'VALIDATION_ERROR', field);
      expect(response.json<{ error: { message: string } }>().error.message).toContain(field.split('.').at(-1) ?? field);
    }
    const row = await server.deps.db
      .selectFrom('pdls')
      .select(['name', 'display_order', 'subscribed_power'])
      .where('id', '=', pdlId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: null, display_order: null, subscribed_power: null });
  });

  it('answers a body larger than BODY_LIMIT_BYTES with 413 PAYLOAD_TOO_LARGE', async () => {
    expect(server.config.http.bodyLimit).toBe(BODY_LIMIT);
    const huge = 'x'.repeat(BODY_LIMIT + 1);
    for (const route of jsonRoutes()) {
      const response = await send({
        method: route.method,
        url: route.url,
        headers: route.headers,
        payload: { email: huge, name: huge, pdl_orders: [], token: huge },
      });
      expectError(response, 413, 'PAYLOAD_TOO_LARGE');
    }
  });

  it('answers an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    for (const route of jsonRoutes()) {
      for (const contentType of ['text/plain', 'application/xml', 'multipart/form-data; boundary=x']) {
        const body = JSON.stringify({
          email: 'a@example.org',
          password: STRONG_PASSWORD,
          usage_point_id: nextPrm(),
          name: 'n',
        });
        const response = await send({
          method: route.method,
          url: route.url,
          headers: { ...route.headers, 'content-type': contentType },
          payload: body,
        });
        expectError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
    }
  });

  it('answers the OAuth2 token route with RFC 6749 errors and the right HTTP status', async () => {
    const token = (options: Omit<InjectOptions, 'method' | 'url'>) =>
      send({ method: 'POST', url: '/api/accounts/token', ...options });
    const expectOauth = (response: LightMyRequestResponse, status: number, error: string) => {
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json()).toEqual({ error, error_description: expect.any(String) as string });
    };
    expectOauth(
      await token({ headers: { 'content-type': 'application/json' }, payload: '{"client_id":' }),
      400,
      'invalid_request',
    );
    expectOauth(await token({ payload: { client_id: 5, client_secret: 'x' } }), 400, 'invalid_request');
    expectOauth(
      await token({
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `client_id=${'x'.repeat(BODY_LIMIT)}`,
      }),
      413,
      'invalid_request',
    );
    expectOauth(
      await token({ headers: { 'content-type': 'text/plain' }, payload: 'client_id=a' }),
      415,
      'invalid_request',
    );
    // Basic credentials whose percent-encoding cannot be decoded are no credentials.
    expectOauth(
      await token({
        headers: {
          authorization: `Basic ${Buffer.from('%E0%A4%A:secret').toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: 'grant_type=client_credentials',
      }),
      401,
      'invalid_client',
    );
    // Basic auth needs no body at all.
    const basic = `Basic ${Buffer.from(`${user.clientId}:${user.clientSecret}`).toString('base64')}`;
    const bare = await token({ headers: { authorization: basic } });
    expect(bare.statusCode, bare.body).toBe(200);
    expect(bare.json()).toMatchObject({ token_type: 'bearer' });
  });

  it('answers unknown routes and methods with the 404 ROUTE_NOT_FOUND envelope', async () => {
    const cases: InjectOptions[] = [
      { method: 'GET', url: '/api/unknown' },
      { method: 'GET', url: '/api/pdl/x/unknown', headers: auth },
      { method: 'POST', url: `/api/pdl/${pdlId}`, headers: auth, payload: {} },
      { method: 'DELETE', url: '/api/pdl', headers: auth },
      { method: 'PUT', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: 'x' } },
      { method: 'GET', url: '/api/accounts/signup' },
      { method: 'POST', url: '/api/unknown?with=query', payload: { a: 1 } },
    ];
    for (const options of cases) {
      const response = await send(options);
      expectError(response, 404, 'ROUTE_NOT_FOUND');
      expect(response.json<{ error: { message: string } }>().error.message).not.toContain('?');
    }
  });

  it('answers every method on a missing PDL id with 404 PDL_NOT_FOUND, and malformed ids with 4xx envelopes', async () => {
    const cases: InjectOptions[] = [
      { method: 'GET', url: `/api/pdl/${MISSING_ID}` },
      { method: 'DELETE', url: `/api/pdl/${MISSING_ID}` },
      { method: 'PATCH', url: `/api/pdl/${MISSING_ID}/name`, payload: { name: 'x' } },
      {
        method: 'PATCH',
        url: `/api/pdl/${MISSING_ID}/type`,
        payload: { has_consumption: true, has_production: false },
      },
      { method: 'PATCH', url: `/api/pdl/${MISSING_ID}/active`, payload: { is_active: true } },
      { method: 'PATCH', url: `/api/pdl/${MISSING_ID}/pricing-option`, payload: { pricing_option: 'BASE' } },
      { method: 'PATCH', url: `/api/pdl/${MISSING_ID}/contract`, payload: { subscribed_power: 6 } },
      { method: 'PATCH', url: `/api/pdl/${MISSING_ID}/link-production`, payload: { linked_production_pdl_id: null } },
      { method: 'PATCH', url: '/api/pdl/reorder', payload: { pdl_orders: [{ id: MISSING_ID, order: 1 }] } },
      // A PDL number is not an id.
      { method: 'GET', url: '/api/pdl/12345678901234' },
    ];
    for (const options of cases) {
      expectError(await send({ ...options, headers: auth }), 404, 'PDL_NOT_FOUND');
    }
    expectError(
      await send({ method: 'PATCH', url: '/api/pdl//name', headers: auth, payload: { name: 'x' } }),
      422,
      'VALIDATION_ERROR',
      'id',
    );
    expectError(
      await send({ method: 'GET', url: `/api/pdl/${'a'.repeat(65)}`, headers: auth }),
      422,
      'VALIDATION_ERROR',
      'id',
    );
    expectError(await send({ method: 'GET', url: '/api/pdl/%E0%A4%A', headers: auth }), 400, 'VALIDATION_ERROR');
    expectError(await send({ method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth }), 422, 'VALIDATION_ERROR');
  });

  it('refuses giant strings within the body limit without writing anything', async () => {
    const giant = 'é'.repeat(5000);
    const cases: [InjectOptions, number, string, string][] = [
      [
        {
          method: 'POST',
          url: '/api/accounts/signup',
          payload: { email: `${giant}@example.org`, password: STRONG_PASSWORD },
        },
        422,
        'VALIDATION_ERROR',
        'email',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/signup',
          payload: { email: `giant-${Date.now()}@example.org`, password: `Aa1${giant}` },
        },
        422,
        'VALIDATION_ERROR',
        'password',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/signup',
          payload: {
            email: `giant-${Date.now()}@example.org`,
            password: STRONG_PASSWORD,
            turnstile_token: 't'.repeat(5000),
          },
        },
        422,
        'VALIDATION_ERROR',
        'turnstile_token',
      ],
      [
        { method: 'POST', url: '/api/accounts/login', payload: { email: user.email, password: giant } },
        422,
        'VALIDATION_ERROR',
        'password',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/reset-password',
          payload: { token: giant, new_password: STRONG_PASSWORD },
        },
        422,
        'VALIDATION_ERROR',
        'token',
      ],
      [{ method: 'GET', url: `/api/accounts/verify-email?token=${'t'.repeat(600)}` }, 422, 'VALIDATION_ERROR', 'token'],
      [
        { method: 'POST', url: '/api/pdl', headers: auth, payload: { usage_point_id: nextPrm(), name: giant } },
        422,
        'VALIDATION_ERROR',
        'name',
      ],
      [
        { method: 'POST', url: '/api/pdl', headers: auth, payload: { usage_point_id: '1'.repeat(5000) } },
        422,
        'VALIDATION_ERROR',
        'usage_point_id',
      ],
      [
        { method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: giant } },
        422,
        'VALIDATION_ERROR',
        'name',
      ],
      [
        {
          method: 'PATCH',
          url: `/api/pdl/${pdlId}/link-production`,
          headers: auth,
          payload: { linked_production_pdl_id: giant },
        },
        422,
        'VALIDATION_ERROR',
        'linked_production_pdl_id',
      ],
      [
        { method: 'PATCH', url: '/api/pdl/reorder', headers: auth, payload: { pdl_orders: [{ id: giant, order: 1 }] } },
        422,
        'VALIDATION_ERROR',
        'pdl_orders.0.id',
      ],
    ];
    for (const [options, status, code, field] of cases) {
      expectError(await send(options), status, code, field);
    }
    for (const headers of [
      { authorization: `Bearer ${'a'.repeat(10_000)}` },
      { authorization: `Bearer a.b.${'c'.repeat(10_000)}` },
      { cookie: `access_token=${'a'.repeat(6000)}` },
    ]) {
      expectError(await send({ method: 'GET', url: '/api/pdl', headers }), 401, 'UNAUTHORIZED');
    }
    expect(
      (await server.deps.db.selectFrom('pdls').select('name').where('id', '=', pdlId).executeTakeFirstOrThrow()).name,
    ).toBeNull();
  });

  it('answers impossible calendar dates with 422 INVALID_DATE_FORMAT naming the parameter, on every dated route', async () => {
    for (const route of METERING_ROUTES) {
      for (const [query, field] of [
        ['start=2025-02-30&end=2025-03-10', 'start'],
        ['start=2025-04-01&end=2025-04-31', 'end'],
        ['start=2025-11-01&end=2025-11-31', 'end'],
        ['start=2023-02-29&end=2023-03-01', 'start'],
        ['start=2025-13-01&end=2026-01-01', 'start'],
      ] as const) {
        expectError(
          await send({ method: 'GET', url: `/api/enedis/${route}/${prm}?${query}`, headers: auth }),
          422,
          'INVALID_DATE_FORMAT',
          field,
        );
      }
    }
    for (const [url, field] of [
      ['/api/tempo?start=2025-02-30', 'start'],
      ['/api/tempo?end=2025-04-31', 'end'],
      ['/api/tempo/days?start_date=2025-11-31', 'start_date'],
      ['/api/ecowatt/history?end_date=2023-02-29', 'end_date'],
      ['/api/consumption-france?start_date=2025-06-31', 'start_date'],
      ['/api/generation-forecast?end_date=2025-09-31', 'end_date'],
    ] as const) {
      expectError(await send({ method: 'GET', url }), 422, 'INVALID_DATE_FORMAT', field);
    }
    // An empty date parameter still means "not given" on the routes with a default period.
    expect((await send({ method: 'GET', url: '/api/tempo?start=&end=' })).statusCode).toBe(200);
    // The OpenAPI document says these are dates.
    const openapi = (await send({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { parameters?: { name: string; schema: { format?: string } }[] }>>;
    }>();
    const parameters = [
      ...(openapi.paths['/api/enedis/power/{pdl}']?.get?.parameters ?? []),
      ...(openapi.paths['/api/tempo/days']?.get?.parameters ?? []),
    ];
    expect(
      parameters.filter((parameter) => /start|end/.test(parameter.name)).map((parameter) => parameter.schema.format),
    ).toEqual(['date', 'date', 'date', 'date']);
  });

  it('refuses NUL characters and lone surrogates anywhere with 400 INVALID_CHARACTERS, before auth or storage', async () => {
    const cases: [InjectOptions, string | undefined][] = [
      // Refused before the auth guard (which reads the database): 400, not 401.
      [{ method: 'GET', url: '/api/pdl/%00' }, 'id'],
      [{ method: 'GET', url: '/api/pdl/%00', headers: auth }, 'id'],
      [{ method: 'DELETE', url: '/api/pdl/a%00b', headers: auth }, 'id'],
      [{ method: 'GET', url: '/api/pdl?filter=%00', headers: auth }, 'filter'],
      [{ method: 'GET', url: `/api/enedis/power/${prm}?start=2025-01-01%00&end=2025-01-02`, headers: auth }, 'start'],
      [{ method: 'GET', url: '/api/tempo?start=%00' }, 'start'],
      [{ method: 'GET', url: '/api/pdl', headers: { cookie: 'access_token=%00' } }, 'access_token'],
      [{ method: 'GET', url: '/api/pdl', headers: { authorization: 'Bearer \u0000' } }, 'authorization'],
      [{ method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: 'a\u0000b' } }, 'name'],
      [{ method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: 'a\ud800b' } }, 'name'],
      [
        {
          method: 'PATCH',
          url: `/api/pdl/${pdlId}/link-production`,
          headers: auth,
          payload: { linked_production_pdl_id: '\u0000' },
        },
        'linked_production_pdl_id',
      ],
      [
        {
          method: 'PATCH',
          url: '/api/pdl/reorder',
          headers: auth,
          payload: { pdl_orders: [{ id: '\u0000', order: 1 }] },
        },
        'pdl_orders.0.id',
      ],
      [
        { method: 'POST', url: '/api/pdl', headers: auth, payload: { usage_point_id: nextPrm(), name: '\udfff' } },
        'name',
      ],
      [
        {
          method: 'POST',
          url: '/api/pdl',
          headers: { ...auth, 'content-type': 'application/json' },
          payload: `{"usage_point_id":"${nextPrm()}","na\\u0000me":"x"}`,
        },
        'na\u0000me',
      ],
      [
        {
          method: 'POST',
          url: '/api/accounts/signup',
          payload: { email: 'nul\u0000@example.org', password: STRONG_PASSWORD },
        },
        'email',
      ],
      [{ method: 'POST', url: '/api/accounts/login', payload: { email: user.email, password: '\u0000' } }, 'password'],
      [
        {
          method: 'POST',
          url: '/api/pdl',
          headers: { ...auth, 'content-type': 'application/json' },
          payload: '"\\u0000"',
        },
        undefined,
      ],
    ];
    for (const [options, field] of cases) {
      const response = await send(options);
      expectError(response, 400, 'INVALID_CHARACTERS', field);
    }
    const row = await server.deps.db
      .selectFrom('pdls')
      .select(['name', 'linked_production_pdl_id'])
      .where('id', '=', pdlId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: null, linked_production_pdl_id: null });
  });

  it('answers query strings that do not decode and JSON bodies that are not UTF-8 with 400 envelopes', async () => {
    for (const raw of ['%FF', '%E0%A4%A', '%C0%80', '%ED%A0%80', '%', '%zz']) {
      expectError(await send({ method: 'GET', url: `/api/tempo?start=${raw}` }), 400, 'VALIDATION_ERROR');
      expectError(
        await send({
          method: 'GET',
          url: `/api/enedis/power/${prm}?start=2025-01-01&end=2025-01-02&${raw}=1`,
          headers: auth,
        }),
        400,
        'VALIDATION_ERROR',
      );
    }
    for (const bytes of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xe0, 0xa4]]) {
      const payload = Buffer.concat([Buffer.from('{"name":"'), Buffer.from(bytes), Buffer.from('"}')]);
      expectError(
        await send({
          method: 'PATCH',
          url: `/api/pdl/${pdlId}/name`,
          headers: { ...auth, 'content-type': 'application/json' },
          payload,
        }),
        400,
        'INVALID_JSON',
      );
    }
    // Multi-byte UTF-8 is of course fine.
    const renamed = await send({
      method: 'PATCH',
      url: `/api/pdl/${pdlId}/name`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: Buffer.from('{"name":"Chauffe-eau ⚡ été"}', 'utf8'),
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<{ data: { name: string } }>().data.name).toBe('Chauffe-eau ⚡ été');
    await send({ method: 'PATCH', url: `/api/pdl/${pdlId}/name`, headers: auth, payload: { name: null } });
  });

  it('keeps the OAuth2 shape on the token route when credentials carry a NUL', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const response = await send({
      method: 'POST',
      url: '/api/accounts/token',
      headers: form,
      payload: `grant_type=client_credentials&client_id=%00&client_secret=${user.clientSecret}`,
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json()).toEqual({ error: 'invalid_request', error_description: expect.any(String) as string });
    for (const credentials of [`%00:${user.clientSecret}`, `${user.clientId}:%00`, `${user.clientId}:%ED%A0%80`]) {
      const basic = await send({
        method: 'POST',
        url: '/api/accounts/token',
        headers: { ...form, authorization: `Basic ${Buffer.from(credentials).toString('base64')}` },
        payload: 'grant_type=client_credentials',
      });
      expect(basic.statusCode, basic.body).toBe(401);
      expect(basic.json()).toMatchObject({ error: 'invalid_client' });
    }
  });

  it('answers requests Node refuses before Fastify (431, malformed) with the envelope, over a real socket', async () => {
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const address = server.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const expectEnvelope = (
      answer: { status: number; headers: string; body: string },
      status: number,
      code: string,
    ) => {
      expect(answer.status, answer.headers).toBe(status);
      expect(answer.headers).toMatch(/content-type: application\/json/i);
      expect(JSON.parse(answer.body)).toEqual({
        success: false,
        data: null,
        error: { code, message: expect.any(String) as string },
        timestamp: expect.any(String) as string,
      });
    };
    // Node's default limit is 16 KiB of headers: a cookie jar grown too big is the usual culprit.
    expectEnvelope(
      await rawExchange(port, `GET /api/pdl HTTP/1.1\r\nHost: x\r\nCookie: a=${'b'.repeat(20_000)}\r\n\r\n`),
      431,
      'HEADERS_TOO_LARGE',
    );
    expectEnvelope(
      await rawExchange(port, 'GET /api/pdl HTTP/1.1\r\nHost: x\r\nBroken header\r\n\r\n'),
      400,
      'VALIDATION_ERROR',
    );
    expectEnvelope(
      await rawExchange(port, 'GET /api/pdl HTTP/1.1\r\nHost: x\r\nX-Nul: a\u0000b\r\n\r\n'),
      400,
      'VALIDATION_ERROR',
    );
    expectEnvelope(await rawExchange(port, 'NOT-HTTP\r\n\r\n'), 400, 'VALIDATION_ERROR');
    // A well-formed request on the same listener still gets its normal answer.
    const normal = await rawExchange(port, 'GET /api/pdl/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(normal.status).toBe(400);
    expect(JSON.parse(normal.body)).toMatchObject({ error: { code: 'INVALID_CHARACTERS' } });
  });

  it('a signup refused by the password policy creates no user', async () => {
    const email = `weak-${Date.now()}@example.org`;
    expectError(
      await send({ method: 'POST', url: '/api/accounts/signup', payload: { email, password: 'alllowercase1' } }),
      422,
      'WEAK_PASSWORD',
      'password',
    );
    expect(
      await server.deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst(),
    ).toBeUndefined();
  });
});
