/**
 * Enedis Data Connect v5 emulator, as a Fastify plugin: OAuth2 token endpoint, consent page, the five
 * metering endpoints and the four customer endpoints, on the paths of the real gateway, with its
 * quotas, errors and date rules (see /docs reference Part A). The real adapter talks to it over HTTP.
 *
 * The plugin exposes `app.enedisEmulator` (see `control.ts`) on the instance that registers it; its
 * routes and hooks live in an encapsulated child scope so they never touch the RTE routes.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import { registerAuthorizeRoutes } from './consent/authorize-routes.ts';
import { registerTokenRoutes } from './auth/token-routes.ts';
import { createControl, type EnedisEmulatorControl } from './control.ts';
import { registerCustomerRoutes } from './customers/routes.ts';
import { registerMeteringRoutes } from './metering/routes.ts';
import { resolveOptions, type EnedisEmulatorOptions } from './options.ts';
import { callContext, createState, type EmulatorState } from './state.ts';

export type { EnedisEmulatorOptions, ResolvedEnedisOptions } from './options.ts';
export type { EnedisEmulatorControl, RuntimeOptions } from './control.ts';
export type { EmulatorStats, CallRecord } from './stats.ts';
export type { MeterInput, MeterDefinition } from './meters/types.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Control and observation of the Enedis emulator (stats, faults, quotas, consents, tokens). */
    enedisEmulator: EnedisEmulatorControl;
  }
}

function registerCallTracking(scope: FastifyInstance, state: EmulatorState): void {
  scope.addHook('onRequest', async (request, reply) => {
    const controller = new AbortController();
    state.inFlight.add(controller);
    reply.raw.once('close', () => controller.abort());
    state.calls.set(request, {
      startedAt: performance.now(),
      clientId: null,
      injected: null,
      truncate: false,
      gap: false,
      abort: controller,
    });
  });

  // Truncation fault: a 200 whose JSON stops halfway, as a dropped connection behind a proxy gives.
  // Gap fault: a well-formed 200 that lacks two readings, as a meter that sent only part of a day.
  scope.addHook('onSend', async (request, reply, payload) => {
    const context = state.calls.get(request);
    if (context?.gap && reply.statusCode === 200 && typeof payload === 'string') {
      payload = withoutMiddleReadings(payload);
    }
    if (context?.truncate && typeof payload === 'string') {
      return payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    }
    return payload;
  });

  scope.addHook('onResponse', async (request, reply) => {
    const context = callContext(state, request);
    state.inFlight.delete(context.abort);
    const query = request.query as Record<string, unknown> | undefined;
    const usagePointId = query?.usage_point_id;
    state.stats.record({
      at: new Date().toISOString(),
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      route: request.routeOptions.url ?? null,
      clientId: context.clientId,
      usagePointId: typeof usagePointId === 'string' ? usagePointId : null,
      status: reply.statusCode,
      injected: context.injected,
      durationMs: Math.round((performance.now() - context.startedAt) * 10) / 10,
    });
  });

  // A client that hangs up before the answer never reaches onResponse; `stats.abandoned` counts it.
  scope.addHook('onRequestAbort', async (request) => {
    const context = state.calls.get(request);
    if (context && state.inFlight.delete(context.abort)) {
      state.stats.abandon(context.injected);
    }
  });

  scope.addHook('preClose', async () => {
    for (const controller of state.inFlight) {
      controller.abort();
    }
  });
}

function withoutMiddleReadings(payload: string): string {
  const body = JSON.parse(payload) as { meter_reading?: { interval_reading?: unknown[] } };
  const readings = body.meter_reading?.interval_reading;
  if (readings && readings.length > 2) {
    readings.splice(Math.floor(readings.length / 2), 2);
  }
  return JSON.stringify(body);
}

/** Registers the Enedis emulator; `options` are merged over the defaults of `options.ts`. */
export const enedisPlugin: FastifyPluginAsync<EnedisEmulatorOptions> = async (app, options) => {
  const state = createState(resolveOptions(options));
  app.decorate('enedisEmulator', createControl(state));

  await app.register(async (scope) => {
    // Let every content type reach the handlers, so the token endpoint answers 415 in the Enedis way.
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    registerCallTracking(scope, state);
    registerTokenRoutes(scope, state);
    registerAuthorizeRoutes(scope, state);
    registerMeteringRoutes(scope, state);
    registerCustomerRoutes(scope, state);
  });
};

// Like fastify-plugin: keep the decorator on the parent instance instead of a private child context.
Object.defineProperty(enedisPlugin, Symbol.for('skip-override'), { value: true });
Object.defineProperty(enedisPlugin, Symbol.for('fastify.display-name'), { value: 'enedis-emulator' });
