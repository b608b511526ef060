import swagger from '@fastify/swagger';
import { addDays } from '@med/core';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { registerErrorHandling } from '../src/http/error-handler.ts';
import { failure, ok } from '../src/http/envelope.ts';
import { backends } from './support/backends.ts';
import { contractProblem, type Answer } from './support/fuzz/checker.ts';
import { operationsOf, type OpenApiDocument } from './support/fuzz/openapi.ts';
import type { FuzzRequest } from './support/fuzz/requests.ts';
import { formatReport, runFuzz, type FuzzReport } from './support/fuzz/runner.ts';
import { createFuzzWorld, FUZZ_SERVER_ENV } from './support/fuzz/world.ts';
import { startTestServer, type TestServer } from './support/test-server.ts';

/** Fixed: the same requests every run, so a failure seen in CI replays locally. */
const SEED = 20_250_230;
const MIN_REQUESTS = 5000;

function injector(app: FastifyInstance) {
  return async (request: FuzzRequest): Promise<Answer> => {
    const response = await app.inject({
      method: request.method as 'GET',
      url: request.url,
      headers: request.headers,
      remoteAddress: request.remoteAddress,
      ...(request.payload === undefined ? {} : { payload: request.payload }),
    });
    return { statusCode: response.statusCode, headers: response.headers, body: response.body };
  };
}

async function openApiOf(app: FastifyInstance): Promise<OpenApiDocument> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  return response.json<OpenApiDocument>();
}

const plainAnswer = (statusCode: number, body: unknown, contentType = 'application/json'): Answer => ({
  statusCode,
  headers: { 'content-type': contentType },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/**
 * A separate app with deliberately broken routes, the bugs issue 8 found: a date the arithmetic
 * cannot take, a NUL the database refuses, and an answer outside the envelope.
 */
const shapeOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

async function plantedApp(): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(swagger, {
    openapi: { info: { title: 'planted', version: '0' } },
    transform: jsonSchemaTransform,
  });
  registerErrorHandling(app);
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/planted/range',
    // The metering routes' bug before the fix: the shape checked by a regex only, then date arithmetic,
    // which throws a RangeError on 2025-02-30.
    { schema: { querystring: z.object({ start: shapeOnly, end: shapeOnly }) } },
    async (request) => ok({ next: addDays(request.query.start, 1), last: addDays(request.query.end, -1) }),
  );
  typed.patch(
    '/planted/:id/name',
    { schema: { params: z.object({ id: z.string().max(64) }), body: z.object({ name: z.string().max(100) }) } },
    async (request) => {
      if (`${request.params.id}${request.body.name}`.includes('\u0000')) {
        throw new Error('invalid byte sequence for encoding "UTF8": 0x00'); // what PostgreSQL says
      }
      return ok({ renamed: true });
    },
  );
  typed.get('/planted/raw', { schema: { querystring: z.object({ q: z.string().optional() }) } }, async () => ({
    raw: true,
  }));
  typed.get('/planted/sound', { schema: { querystring: z.object({ q: z.string().max(8).optional() }) } }, async () =>
    ok({ fine: true }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  return app;
}

describe('API fuzz: the detector', () => {
  it('the checker flags a 5xx, a body outside the envelope and an unknown code, and passes the envelope', () => {
    const operation = 'GET /api/pdl/{id}';
    expect(contractProblem(operation, plainAnswer(500, failure({ code: 'INTERNAL_ERROR', message: 'x' })))).toBe(
      'status 500',
    );
    expect(contractProblem(operation, plainAnswer(200, { raw: true }))).toMatch(/envelope keys/);
    expect(contractProblem(operation, plainAnswer(400, 'Bad Request', 'text/plain'))).toMatch(/content-type/);
    expect(contractProblem(operation, plainAnswer(400, '{"success":false', 'application/json'))).toBe(
      'body is not JSON',
    );
    expect(contractProblem(operation, plainAnswer(422, failure({ code: 'SOMETHING_NEW', message: 'x' })))).toMatch(
      /error code/,
    );
    expect(contractProblem(operation, plainAnswer(404, ok(null)))).toMatch(/success=true/);
    expect(contractProblem(operation, plainAnswer(200, failure({ code: 'NOT_FOUND', message: 'x' })))).toMatch(
      /success=false/,
    );
    expect(contractProblem(operation, plainAnswer(422, failure({ code: 'VALIDATION_ERROR', message: 'x' })))).toBe(
      undefined,
    );
    expect(contractProblem(operation, plainAnswer(200, ok({ id: 'x' })))).toBe(undefined);
    // Documented exceptions: raw JSON bodies and the OAuth callback's redirect, never a 5xx.
    expect(contractProblem('POST /api/accounts/token', plainAnswer(401, { error: 'invalid_client' }))).toBe(undefined);
    expect(contractProblem('POST /api/accounts/token', plainAnswer(500, { error: 'server_error' }))).toBe('status 500');
    expect(contractProblem('GET /api/oauth/callback', { statusCode: 302, headers: { location: '/x' }, body: '' })).toBe(
      undefined,
    );
  });

  it('the fuzzer finds the planted bugs of a separate app, and nothing on its sound route', async () => {
    const app = await plantedApp();
    try {
      const operations = operationsOf(await openApiOf(app));
      expect(operations.map((operation) => operation.id).sort()).toEqual([
        'GET /planted/range',
        'GET /planted/raw',
        'GET /planted/sound',
        'PATCH /planted/{id}/name',
      ]);
      const report = await runFuzz({
        operations,
        contextFor: () => ({
          pools: {
            dates: ['2025-01-31', '2024-02-29'],
            dateNames: new Set(['start', 'end']),
            byName: { id: ['a'], name: ['b'] },
          },
          auths: [{ name: 'none', headers: {}, weight: 1 }],
          addresses: ['203.0.113.9'],
          bodyLimit: 16 * 1024,
        }),
        send: injector(app),
        runsPerOperation: 200,
        seed: SEED,
      });
      const failing = (operation: string) => report.failures.filter((failed) => failed.request.operation === operation);
      expect(failing('GET /planted/range').some((failed) => failed.status === 500)).toBe(true);
      expect(failing('PATCH /planted/{id}/name').some((failed) => failed.status === 500)).toBe(true);
      expect(failing('GET /planted/raw').length).toBeGreaterThan(0);
      expect(failing('GET /planted/sound')).toEqual([]);
    } finally {
      await app.close();
    }
  });
});

describe.each(backends)('API fuzz from the OpenAPI document on $name', (backend) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof createFuzzWorld>>;

  beforeAll(async () => {
    server = await startTestServer(backend, FUZZ_SERVER_ENV);
    world = await createFuzzWorld(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it(`≥ ${MIN_REQUESTS} generated requests: never a 5xx, always the envelope (or a documented raw body)`, async () => {
    const operations = operationsOf(await openApiOf(server.app));
    expect(operations.length).toBeGreaterThan(50);
    const report: FuzzReport = await runFuzz({
      operations,
      contextFor: world.contextFor,
      beforeOperation: world.beforeOperation,
      send: injector(server.app),
      runsPerOperation: Math.ceil(MIN_REQUESTS / operations.length),
      seed: SEED,
    });
    // eslint-disable-next-line no-console -- the run's figures (requests, statuses, slowest operations) are its output
    console.log(formatReport(backend.name, report));
    expect(report.requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
    expect(
      report.failures.map(
        (failed) => `${failed.request.operation} → ${failed.status} ${failed.problem} [${failed.request.label}]`,
      ),
    ).toEqual([]);
  }, 300_000);
});
