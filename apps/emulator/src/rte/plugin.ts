/**
 * RTE emulator plugin: token endpoint, Tempo, EcoWatt v5, Consumption v1 and Generation forecast v3 on
 * the same host as the Enedis emulator (only RTE paths are registered here).
 *
 * Control: `app.rteEmulator` (see `RteEmulatorControl` in `runtime.ts`):
 * - `stats` — calls per path and per status, injected faults, and a log with emulator and real times;
 * - `calls(path)`, `setFaults({ rate500, rate503, rate429, latencyMs, paths })`, `failNext(status, n, prefix)`;
 * - `setTempoColours({ date: colour })`, `setTempoPublicationTime('HH:MM')`, `setEcowattDelay(minutes)`, `reset()`.
 *
 * Every call on an RTE path is counted, then delayed (`latencyMs`), then may get an injected fault, then
 * goes through the bearer check of its API; errors use RTE's error body (`errors.ts`).
 */
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { consumptionRoutes } from './consumption.ts';
import { ecowattRoutes } from './ecowatt.ts';
import { INJECTED_ERRORS, rteErrorBody, RteRequestError, sendRteError } from './errors.ts';
import { generationRoutes } from './generation.ts';
import { oauthRoutes } from './oauth.ts';
import { resolveRteOptions, type RteEmulatorOptions } from './options.ts';
import { RteRuntime, type RteEmulatorControl } from './runtime.ts';
import { tempoRoutes } from './tempo.ts';

export type { RteApi, RteClientCredentials, RteEmulatorOptions, RteFaultSettings } from './options.ts';
export { DEFAULT_RTE_OPTIONS } from './options.ts';
export type { RteCallRecord, RteCallStats, RteEmulatorControl } from './runtime.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Control object of the RTE emulator: counters, fault injection, Tempo overrides, reset. */
    rteEmulator: RteEmulatorControl;
  }
}

const pathOf = (url: string) => url.split('?', 1)[0] ?? url;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface CallContext {
  at: string;
  realTimeMs: number;
  injected: boolean;
}

/** RTE routes in their own scope, so their hooks and error handler never touch the Enedis routes. */
async function rteScope(app: FastifyInstance, opts: { runtime: RteRuntime }): Promise<void> {
  const { runtime } = opts;
  const contexts = new WeakMap<FastifyRequest, CallContext>();
  app.decorateRequest('rteClientId', '');

  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request.url);
    const context: CallContext = { at: runtime.now().toISOString(), realTimeMs: Date.now(), injected: false };
    contexts.set(request, context);
    if (runtime.faults.latencyMs > 0 && runtime.appliesTo(path)) {
      await sleep(runtime.faults.latencyMs);
    }
    const fault = runtime.drawFault(path);
    if (fault === null) {
      return;
    }
    context.injected = true;
    const { error, description } = INJECTED_ERRORS[fault];
    if (fault !== 500 && runtime.options.retryAfterHeader) {
      reply.header('retry-after', String(runtime.options.retryAfterSeconds));
    }
    return sendRteError(reply, fault, error, description);
  });

  // RTE answers 413 above 7 MB; checked on the serialised body so it holds for every route.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (typeof payload === 'string' && Buffer.byteLength(payload) > runtime.options.maxResponseBytes) {
      reply.code(413);
      return JSON.stringify(
        rteErrorBody('REQUEST_ENTITY_TOO_LARGE', 'The response exceeds the maximum size; ask for a shorter period.'),
      );
    }
    return payload;
  });

  app.addHook('onResponse', async (request, reply) => {
    const context = contexts.get(request);
    runtime.recordCall({
      method: request.method,
      path: pathOf(request.url),
      status: reply.statusCode,
      at: context?.at ?? runtime.now().toISOString(),
      realTimeMs: context?.realTimeMs ?? Date.now(),
      injected: context?.injected ?? false,
    });
  });

  app.setErrorHandler((error: FastifyError | RteRequestError, _request, reply) => {
    if (error instanceof RteRequestError) {
      return sendRteError(reply, error.status, error.code, error.message);
    }
    const status = typeof error.statusCode === 'number' && error.statusCode < 500 ? error.statusCode : 500;
    return sendRteError(reply, status, status === 500 ? 'COMMON_ERROR_T03' : 'BAD_REQUEST', error.message);
  });

  await app.register(oauthRoutes, { runtime });
  await app.register(tempoRoutes, { runtime });
  await app.register(ecowattRoutes, { runtime });
  await app.register(consumptionRoutes, { runtime });
  await app.register(generationRoutes, { runtime });
}

/**
 * Registers the RTE emulator. Options not given take `DEFAULT_RTE_OPTIONS`. Not encapsulated (like a
 * `fastify-plugin`), so that `app.rteEmulator` is visible on the instance that registered it.
 */
export async function rtePlugin(app: FastifyInstance, opts: Partial<RteEmulatorOptions>): Promise<void> {
  const runtime = new RteRuntime(resolveRteOptions(opts));
  app.decorate('rteEmulator', runtime as RteEmulatorControl);
  await app.register(rteScope, { runtime });
}

// What `fastify-plugin` does: skip encapsulation so the decorator reaches the parent instance.
Object.assign(rtePlugin, {
  [Symbol.for('skip-override')]: true,
  [Symbol.for('fastify.display-name')]: 'med-rte-emulator',
});
